from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from cities.models import City, CityPhoto, Country, Exchange, Source, Stage


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


@register(CityPhoto)
class CityPhotoTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "publisher")


@register(Stage)
class StageTranslation(TranslationOptions):
    fields = ("document", "signatories")


# Versions: registered here, after the translated fields exist, so that every
# version keeps both languages.
keep_history(Country)
keep_history(City)
keep_history(Exchange)
