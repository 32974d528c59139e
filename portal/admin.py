"""The back office's titles, and the office record's admin."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.editorial.admin import TranslatableAdmin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.models import GovernmentMark, Office, SecurityMark
from portal.pictures.admin import PictureInline

admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")


class GovernmentMarkInline(PictureInline):
    model = GovernmentMark
    max_num = 1
    fields = ("image", "alt")


class SecurityMarkInline(PictureInline):
    model = SecurityMark
    max_num = 1
    fields = ("image", "alt")


@admin.register(Office)
class OfficeAdmin(ConcurrentEditMixin, TranslatableAdmin):
    list_display = ("name", "phone", "email")
    inlines = (GovernmentMarkInline, SecurityMarkInline)
    # An address typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("name", "short_name", "original_language")}),
        (
            _("Contact"),
            {"fields": ("address", "postcode", "phone", "fax", "email", "opening_hours")},
        ),
        (
            _("Government website conventions"),
            {
                "fields": (
                    "organiser",
                    "site_code",
                    "icp_number",
                    "security_number",
                    "error_report_url",
                    "government_mark_url",
                ),
                "description": _(
                    "Shown in every page's footer, each only when set. The marks are "
                    "uploaded below as the office was issued them."
                ),
            },
        ),
    )

    def has_add_permission(self, request):
        return not Office.objects.exists() and super().has_add_permission(request)
