"""Figures with provenance: every figure a page prints, where it comes from and as of when.

A `Fact` is one value of one figure of a city, as one or more `Source`s state
it. Sources may disagree: all values stay on record, and the office marks one
as public. The city's own fields (`population`, `area_km2`, …) hold the public
values the pages print; `City.apply_public_facts()` copies them over, so pages
and their display rules ("about 20 million") stay as they are.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models.sources import Source, SourceKind
from portal.editorial.models import LINK_FIELDS, fields_for
from portal.formatting.dates import (
    DatePrecision,
    PartialDate,
    partial_date_constraint,
    partial_date_error,
)

__all__ = ["Fact", "Figure", "Source", "SourceKind", "citations_of"]


class Figure(models.TextChoices):
    POPULATION = "population", _("Population")
    AREA = "area", _("Area")
    WINTER_LOW = "winter_low", _("Winter average low")
    SUMMER_HIGH = "summer_high", _("Summer average high")
    PRECIPITATION = "precipitation", _("Rain per year")
    LATITUDE = "latitude", _("Latitude")
    LONGITUDE = "longitude", _("Longitude")
    ORDINAL = "ordinal", _("Official ordinal")
    FRIENDLY_SINCE = "friendly_since", _("Friendly cooperative city since")
    SISTER_SINCE = "sister_since", _("Sister city since")
    CONTACT_ON = "contact_on", _("First contact on")
    INTENT_ON = "intent_on", _("Letter of intent signed on")
    ENDED_ON = "ended_on", _("Suspended or ended on")


# Each figure's field on City; dates carry their precision in `<field>_precision`.
CITY_FIELDS = {
    Figure.POPULATION: "population",
    Figure.AREA: "area_km2",
    Figure.WINTER_LOW: "winter_low_c",
    Figure.SUMMER_HIGH: "summer_high_c",
    Figure.PRECIPITATION: "precipitation_mm",
    Figure.LATITUDE: "latitude",
    Figure.LONGITUDE: "longitude",
    Figure.ORDINAL: "ordinal",
    Figure.FRIENDLY_SINCE: "friendly_since",
    Figure.SISTER_SINCE: "sister_since",
}
# The date of each stage of the relationship (`Stage.stage` → figure).
STAGE_FIGURES = {
    "contact": Figure.CONTACT_ON,
    "intent": Figure.INTENT_ON,
    "friendly": Figure.FRIENDLY_SINCE,
    "sister": Figure.SISTER_SINCE,
    "ended": Figure.ENDED_ON,
}
DATE_FIGURES = set(STAGE_FIGURES.values())
WHOLE_NUMBER_FIGURES = {Figure.POPULATION, Figure.PRECIPITATION, Figure.ORDINAL}


class Fact(models.Model):
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="facts", verbose_name=_("city")
    )
    figure = models.CharField(_("figure"), max_length=20, choices=Figure.choices)
    number = models.DecimalField(_("value"), max_digits=16, decimal_places=5, null=True, blank=True)
    date = models.DateField(_("date value"), null=True, blank=True)
    date_precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_('Shown as "about".')
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = models.CharField(
        _("as of, known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
    )
    anniversary = models.PositiveSmallIntegerField(
        _("stated anniversary"),
        null=True,
        blank=True,
        help_text=_(
            "When the source only says that a year is the Nth anniversary: N. The date "
            "is then worked out (that year minus N, to the year) and pages print "
            "“Nth anniversary in <year>”, never a date."
        ),
    )
    is_public = models.BooleanField(
        _("public value"),
        default=True,
        help_text=_(
            "When sources disagree, the value the office shows. The others stay on record."
        ),
    )
    note = models.CharField(
        _("note for staff"),
        max_length=300,
        blank=True,
        help_text=_("Never shown to visitors: how the source words it, why this value was chosen."),
    )
    sources = models.ManyToManyField(Source, related_name="facts", verbose_name=_("sources"))

    class Meta:
        ordering = ["city", "figure", "-is_public", "pk"]
        verbose_name = _("figure with its sources")
        verbose_name_plural = _("figures with their sources")
        constraints = [
            models.UniqueConstraint(
                fields=["city", "figure"],
                condition=models.Q(is_public=True),
                name="cities_fact_one_public_value",
                violation_error_message=_("Another value of this figure is already public."),
            ),
            models.CheckConstraint(
                condition=models.Q(number__isnull=False) | models.Q(date__isnull=False),
                name="cities_fact_has_value",
                violation_error_message=_("Enter the figure's value."),
            ),
            partial_date_constraint("date", "date_precision", "cities_fact_date_precision"),
            partial_date_constraint("as_of", "as_of_precision", "cities_fact_as_of_precision"),
            models.CheckConstraint(
                condition=models.Q(anniversary__isnull=True)
                | models.Q(date__isnull=False, date_precision=DatePrecision.YEAR),
                name="cities_fact_anniversary_works_out_a_year",
                violation_error_message=_(
                    "An anniversary works out a year: only for a date known to the year."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_figure_display()}: {self.raw_value}"

    def clean(self):
        super().clean()
        errors = {}
        if self.figure in DATE_FIGURES:
            if self.date is None:
                errors["date"] = _("This figure is a date: enter it here.")
            if self.number is not None:
                errors["number"] = _("This figure is a date; leave the value blank.")
        elif self.figure:
            if self.number is None:
                errors["number"] = _("Enter the figure's value.")
            elif self.figure in WHOLE_NUMBER_FIGURES and self.number != self.number.to_integral():
                errors["number"] = _("This figure is a whole number.")
            if self.date is not None:
                errors["date"] = _("This figure is a number; leave the date blank.")
        if self.anniversary is not None and (
            self.figure not in DATE_FIGURES or self.date_precision != DatePrecision.YEAR
        ):
            errors["anniversary"] = _(
                "An anniversary works out a year: only for a date known to the year."
            )
        for field in ("date", "as_of"):
            message = partial_date_error(getattr(self, field), getattr(self, f"{field}_precision"))
            if message:
                errors.setdefault(field, message)
        if errors:
            raise ValidationError(errors)

    @property
    def raw_value(self):
        """The value as the city's field holds it: an int, a Decimal or a date."""
        if self.figure in DATE_FIGURES:
            return self.date
        if self.number is None:
            return None
        if self.figure in WHOLE_NUMBER_FIGURES:
            return int(self.number)
        return self.number.normalize() if self.number == self.number.to_integral() else self.number

    @property
    def when(self):
        return PartialDate(self.date, self.date_precision)

    @property
    def as_of_when(self):
        return PartialDate(self.as_of, self.as_of_precision)

    @property
    def worked_out(self):
        """(N, year) of a date worked out from "the Nth anniversary in <year>", or None."""
        if self.anniversary is None or self.date is None:
            return None
        return self.anniversary, self.date.year + self.anniversary

    def value_for(self, city):
        """The value as `city`'s field stores it (an area of 1040.82 km² as 1040.8)."""
        value = self.raw_value
        field = type(city)._meta.get_field(CITY_FIELDS[self.figure])
        if isinstance(field, models.DecimalField) and value is not None:
            return Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))
        return value

    def matches(self, city, stages=()):
        """Whether `city` (or one of its `stages`) shows this value: a footnote only
        for the figure it backs."""
        for stage in stages:
            if STAGE_FIGURES[stage.stage] == self.figure:
                return (stage.date, stage.precision) == (self.date, self.date_precision)
        if self.figure not in CITY_FIELDS:
            return False
        shown = getattr(city, CITY_FIELDS[self.figure])
        value = self.value_for(city)
        if shown is None or value is None:
            return False
        if self.figure in DATE_FIGURES:
            precision = getattr(city, f"{CITY_FIELDS[self.figure]}_precision")
            return shown == value and precision == self.date_precision
        if self.figure == Figure.POPULATION and city.population_is_approximate != self.approximate:
            return False
        return Decimal(str(shown)) == Decimal(str(value))


def citations_of(*cities):
    """Every (public fact, shown source) pair of these cities, in one query (a repost is
    never cited: `SourceKind.shown()`): the whole fact and
    source, and of a source's article what a link to it needs (`LINK_FIELDS`: the
    page links it only while a visitor may read it)."""
    links = Fact.sources.through.objects.filter(
        fact__city__in=cities, fact__is_public=True, source__kind__in=SourceKind.shown()
    )
    return (
        links.select_related("fact", "source__article")
        .only(
            "fact",
            *fields_for(
                "title",
                "publisher",
                plain=("kind", "url", "date", "date_precision", "article"),
                via="source__",
            ),
            *fields_for(plain=LINK_FIELDS, via="source__article__"),
        )
        .order_by("source_id")
    )
