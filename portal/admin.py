"""Admin pieces shared by the apps."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.fields import TranslationField

from portal.models import Office

PUBLICATION_FIELDSET = (
    _("Publication"),
    {"fields": ("status", "published_at", "original_language")},
)


class OriginalLanguageRequiredMixin:
    """Let the record's original language, not the site's default, be required.

    modeltranslation makes the default language's field required in forms;
    a record written in English would then need its Chinese first. Our models'
    `Translatable.clean()` requires the original language instead, with the
    message on that language's field.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, TranslationField):
            field.required = False
        return field


class TranslatableAdmin(OriginalLanguageRequiredMixin, TabbedTranslationAdmin):
    """Translated fields as per-language tabs."""


class TranslatableStackedInline(OriginalLanguageRequiredMixin, TranslationStackedInline):
    pass


admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")


@admin.register(Office)
class OfficeAdmin(TranslatableAdmin):
    list_display = ("name", "phone", "email")
    fields = ("name", "short_name", "address", "phone", "email", "original_language")

    def has_add_permission(self, request):
        return not Office.objects.exists() and super().has_add_permission(request)
