"""The `portal` app's models: the office that publishes the site, and (imported
here so that Django finds them) the shared editorial, search and cache tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.editorial.models import PendingChange, Timestamped, Translatable
from portal.operations.models import SiteRevision
from portal.search.models import SearchEntry

__all__ = ["Office", "PendingChange", "SearchEntry", "SiteRevision"]


class Office(Translatable, Timestamped):
    """The Foreign Affairs Office that publishes the portal: header and footer text.

    There is one; the admin edits it, and pages read it through the cache
    (`portal.context_processors.site`), which a save clears.
    """

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Shown in the header on phones.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)

    required_translations = ("name",)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("office")
        verbose_name_plural = _("office")
        permissions = [("translate_office", _("Can translate the office"))]

    def __str__(self):
        return self.name
