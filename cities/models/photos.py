"""A city's photo gallery (the picture pipeline is `portal.pictures`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models.city import City
from portal.pictures.models import Picture


class CityPhoto(Picture):
    """One photo of a city's gallery, in the order staff give."""

    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="photos", verbose_name=_("city")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first; the first is the cover.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        permissions = [("translate_cityphoto", _("Can translate the texts of photos"))]

    def __str__(self):
        return self.caption or self.alt or str(_("photo %(number)s") % {"number": self.pk})
