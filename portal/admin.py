"""Admin pieces shared by the apps."""

from django.utils.translation import gettext_lazy as _

PUBLICATION_FIELDSET = (
    _("Publication"),
    {"fields": ("status", "published_at", "original_language")},
)
