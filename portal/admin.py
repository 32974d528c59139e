"""The back office's titles, the office record's admin, and no admin for two-factor devices."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editorial.admin import TranslatableAdmin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.editorial.glossary_admin import TermAdmin
from portal.editorial.memory_admin import MemoryEntryAdmin
from portal.models import GovernmentMark, MemoryEntry, Office, SecurityMark, StandardMap, Term
from portal.pictures.admin import PictureInline

admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")

# Each person manages their own two-factor devices (portal.twofactor) and an
# administrator resets them with `manage.py resetotp`; django-otp's admin pages
# would show the app keys and are in English only.
admin.site.unregister([TOTPDevice, StaticDevice])


class GovernmentMarkInline(PictureInline):
    model = GovernmentMark
    max_num = 1
    fields = ("image", "alt")


class SecurityMarkInline(PictureInline):
    model = SecurityMark
    max_num = 1
    fields = ("image", "alt")


class StandardMapInline(PictureInline):
    model = StandardMap
    max_num = 1
    fields = ("image", "approval_number", "alt", "credit")
    verbose_name = _("standard map (with its approval number)")


@admin.register(Office)
class OfficeAdmin(ConcurrentEditMixin, TranslatableAdmin):
    list_display = ("name", "phone", "email")
    inlines = (GovernmentMarkInline, SecurityMarkInline, StandardMapInline)
    # An address typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("name", "short_name", "parent_organisation", "original_language")}),
        (
            _("Contact"),
            {"fields": ("address", "postcode", "phone", "fax", "email", "opening_hours")},
        ),
        (
            _("Government website conventions"),
            {
                "fields": (
                    "organiser",
                    "operator",
                    "site_code",
                    "icp_number",
                    "security_number",
                    "government_mark_url",
                ),
                "description": _(
                    "Shown in every page's footer, each only when set; an inspection "
                    "requires every one but the operator, and the self-check lists those "
                    "missing. The marks are uploaded below as the office was issued them."
                ),
            },
        ),
    )

    def has_add_permission(self, request):
        return not Office.objects.exists() and super().has_add_permission(request)


admin.site.register(Term, TermAdmin)
admin.site.register(MemoryEntry, MemoryEntryAdmin)
