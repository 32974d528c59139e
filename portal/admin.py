"""The back office's titles, and the office record's admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.editorial.admin import TranslatableAdmin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.models import Office

admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")


@admin.register(Office)
class OfficeAdmin(ConcurrentEditMixin, TranslatableAdmin):
    list_display = ("name", "phone", "email")
    fields = (
        "name",
        "short_name",
        "address",
        "postcode",
        "phone",
        "fax",
        "email",
        "opening_hours",
        "original_language",
    )

    def has_add_permission(self, request):
        return not Office.objects.exists() and super().has_add_permission(request)
