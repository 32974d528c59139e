"""The back office's titles, the office record's admin, and no admin for two-factor devices."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editorial.admin import TranslatableAdmin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.models import Office, Term

admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")

# Each person manages their own two-factor devices (portal.twofactor) and an
# administrator resets them with `manage.py resetotp`; django-otp's admin pages
# would show the app keys and are in English only.
admin.site.unregister([TOTPDevice, StaticDevice])


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
