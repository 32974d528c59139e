from modeltranslation.translator import TranslationOptions, register

from cities.models import City, Country, Exchange


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(City)
class CityTranslation(TranslationOptions):
    fields = (
        "name",
        "province",
        "summary",
        "basic_info",
        "geography",
        "climate",
        "pillar_industries",
    )


@register(Exchange)
class ExchangeTranslation(TranslationOptions):
    fields = ("title", "description")
