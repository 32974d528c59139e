from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from portal.models import Office


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "short_name", "address", "opening_hours")


# Versions: registered here, after the translated fields exist, so that every
# version keeps both languages.
keep_history(Office)
