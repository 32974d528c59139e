"""Countries, by continent: every partner city lies in one."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.editorial.models import Timestamped, Translatable


class Continent(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    SOUTH_AMERICA = "south-america", _("South America")
    OCEANIA = "oceania", _("Oceania")


class Country(Translatable, Timestamped):
    name = models.CharField(_("name"), max_length=100)
    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        help_text=_("Two capital letters, ISO 3166-1 alpha-2: CN, PK."),
        validators=[RegexValidator(r"^[A-Z]{2}\Z", message=_("Use two capital letters A–Z."))],
    )
    continent = models.CharField(_("continent"), max_length=20, choices=Continent.choices)

    required_translations = ("name",)

    class Meta:
        ordering = ["iso_code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        permissions = [
            ("translate_country", _("Can translate countries")),
            ("publish_country", _("Can approve changes to countries")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso_code__regex=r"^[A-Z]{2}$"),
                name="cities_country_iso_code_format",
                violation_error_message=_("Use two capital letters A–Z."),
            ),
        ]

    def __str__(self):
        return self.name or self.iso_code
