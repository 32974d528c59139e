from modeltranslation.translator import TranslationOptions, register

from portal.models import Office


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "short_name", "address")
