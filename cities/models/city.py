"""A partner city, or the home city: its facts, relationship and publication."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models.city_queries import CityQuerySet
from cities.models.countries import Country
from cities.models.provenance import ProvenanceMixin
from cities.models.stages import Relationship
from portal.editorial.models import (
    Publishable,
    Timestamped,
    Translatable,
)
from portal.formatting.dates import (
    DatePrecision,
    PartialDate,
    partial_date_constraint,
    partial_date_error,
)
from portal.formatting.i18n import choice_label, slug_address
from portal.formatting.richtext import RichTextField


class City(ProvenanceMixin, Publishable, Translatable, Timestamped):
    # Identity
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The city's web address, in ASCII letters, digits and hyphens: karachi."),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="cities", verbose_name=_("country")
    )
    province = models.CharField(_("province or state"), max_length=100, blank=True)
    is_home = models.BooleanField(
        _("home city"),
        default=False,
        help_text=_("The city this portal speaks for. There is at most one."),
    )

    # Relationship with the home city
    relationship = models.CharField(
        _("relationship"), max_length=10, choices=Relationship.choices, blank=True
    )
    friendly_since = models.DateField(_("friendly cooperative city since"), null=True, blank=True)
    friendly_since_precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    sister_since = models.DateField(_("sister city since"), null=True, blank=True)
    sister_since_precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    ordinal = models.PositiveSmallIntegerField(
        _("official ordinal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(999)],
        help_text=_("22 makes it the home city's 22nd city of this relationship."),
    )

    # Facts
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_is_approximate = models.BooleanField(
        _("population is approximate"), default=False, help_text=_('Shown as "about".')
    )
    population_year = models.PositiveSmallIntegerField(
        _("population as of year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
    )
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive: 24.86."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive: 67.01."),
    )

    # Profile
    summary = models.TextField(_("summary"), blank=True)
    basic_info = RichTextField(_("basic information"))
    geography = RichTextField(_("geography"))
    climate = RichTextField(_("climate"))
    winter_low_c = models.DecimalField(
        _("winter average minimum (°C)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(60)],
    )
    summer_high_c = models.DecimalField(
        _("summer average maximum (°C)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(60)],
    )
    precipitation_mm = models.PositiveIntegerField(
        _("annual precipitation (mm)"), null=True, blank=True
    )
    pillar_industries = RichTextField(_("pillar industries"))

    objects = CityQuerySet.as_manager()

    required_translations = ("name",)

    class Meta:
        ordering = ["-is_home", "name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        permissions = [
            ("publish_city", _("Can publish, schedule and withdraw cities")),
            ("translate_city", _("Can translate cities")),
        ]
        indexes = [
            models.Index(fields=["status", "published_at", "id"], name="cities_city_visible"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["is_home"],
                condition=models.Q(is_home=True),
                name="cities_city_single_home",
                violation_error_message=_("There is already a home city."),
            ),
            models.UniqueConstraint(
                fields=["relationship", "ordinal"],
                name="cities_city_unique_ordinal",
                violation_error_message=_("Another city already has this ordinal."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(is_home=True, relationship="", ordinal__isnull=True)
                    | models.Q(is_home=False, relationship__in=Relationship.values)
                ),
                name="cities_city_relationship_fits_role",
                violation_error_message=_(
                    "A partner city needs a relationship; the home city has none."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(area_km2__isnull=True) | models.Q(area_km2__gte=0),
                name="cities_city_area_not_negative",
                violation_error_message=_("The area cannot be negative."),
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="cities_city_latitude_range",
                violation_error_message=_("Latitude lies between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="cities_city_longitude_range",
                violation_error_message=_("Longitude lies between -180 and 180."),
            ),
            models.CheckConstraint(
                condition=models.Q(friendly_since__isnull=True)
                | models.Q(sister_since__isnull=True)
                | models.Q(sister_since__gte=models.F("friendly_since")),
                name="cities_city_sister_after_friendly",
                violation_error_message=_(
                    "A city becomes a sister city after it became a friendly one."
                ),
            ),
            partial_date_constraint(
                "friendly_since", "friendly_since_precision", "cities_city_friendly_since_precision"
            ),
            partial_date_constraint(
                "sister_since", "sister_since_precision", "cities_city_sister_since_precision"
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return slug_address("cities:detail", self.slug)

    def get_relationship_display(self):
        return choice_label(Relationship, self.relationship)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self._check_role(errors)
        self._check_relationship_dates(errors)
        if errors:
            raise ValidationError(errors)

    def _check_role(self, errors):
        """Home city versus partner: one home, partners with a relationship."""
        if self.is_home:
            others = City.objects.filter(is_home=True).exclude(pk=self.pk)
            if others.exists():
                errors.setdefault("is_home", []).append(
                    _("%(city)s is already the home city.") % {"city": others.first()}
                )
            if self.relationship:
                errors.setdefault("relationship", []).append(
                    _("The home city has no relationship with itself; leave this blank.")
                )
            if self.ordinal is not None:
                errors.setdefault("ordinal", []).append(
                    _("The home city has no ordinal; leave this blank.")
                )
            return
        if not self.relationship:
            errors.setdefault("relationship", []).append(_("Choose the partner's relationship."))
        elif self.ordinal is not None:
            taken = City.objects.filter(relationship=self.relationship, ordinal=self.ordinal)
            taken = taken.exclude(pk=self.pk).first()
            if taken:
                errors.setdefault("ordinal", []).append(
                    _("%(city)s already has this ordinal.") % {"city": taken}
                )

    def _check_relationship_dates(self, errors):
        for field in ("friendly_since", "sister_since"):
            message = partial_date_error(getattr(self, field), getattr(self, f"{field}_precision"))
            if message:
                errors.setdefault(field, []).append(message)
        if self.friendly_since and self.sister_since and self.sister_since < self.friendly_since:
            errors.setdefault("sister_since", []).append(
                _("A city becomes a sister city after it became a friendly one.")
            )

    @property
    def density(self):
        """People per km², or None when a figure is missing."""
        if not self.population or not self.area_km2:
            return None
        return round(self.population / float(self.area_km2))

    @property
    def friendly_since_when(self):
        return PartialDate(self.friendly_since, self.friendly_since_precision)

    @property
    def sister_since_when(self):
        return PartialDate(self.sister_since, self.sister_since_precision)
