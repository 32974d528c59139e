"""The back office's titles, and the office record's admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.editorial.admin import TranslatableAdmin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.models import Office, Term

admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")


@admin.register(Office)
class OfficeAdmin(ConcurrentEditMixin, TranslatableAdmin):
    list_display = ("name", "phone", "email")
    fields = ("name", "short_name", "address", "phone", "email", "original_language")

    def has_add_permission(self, request):
        return not Office.objects.exists() and super().has_add_permission(request)


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    """Official names: editors and translators keep them (`portal.editorial.roles`)."""

    list_display = ("chinese", "english", "kind", "source")
    list_filter = ("kind",)
    search_fields = ("chinese", "english", "note", "source")
    fields = ("chinese", "english", "kind", "note", "source")
