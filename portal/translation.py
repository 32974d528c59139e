from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from portal.models import GovernmentMark, Office, SecurityMark, StandardMap


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "parent_organisation",
        "address",
        "opening_hours",
        "organiser",
        "operator",
    )


@register(GovernmentMark)
class GovernmentMarkTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


@register(SecurityMark)
class SecurityMarkTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


@register(StandardMap)
class StandardMapTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


# Versions: registered here, after the translated fields exist, so that every
# version keeps both languages.
keep_history(Office)
