"""The relationship as data: the stages a partnership went through, and the totals
the office has stated.

A stage's sources are those of its date, a `Fact` of the stage's figure
(`STAGE_FIGURES`), so that one query finds every source a city page cites.
A city's current stage (the latest) is its `relationship`, which the directory
filters by; `City.apply_stages()` keeps the two in step. Stated totals are the
office's own counts as of a date; pages show them beside the counts of the
records, never mixed into them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models.facts import Source
from portal.editorial.models import LINK_FIELDS, fields_for
from portal.formatting.dates import (
    DatePrecision,
    PartialDate,
    partial_date_constraint,
    partial_date_error,
)
from portal.formatting.i18n import choice_label


class Relationship(models.TextChoices):
    """The stages of a partnership, in the order a city goes through them."""

    CONTACT = "contact", _("First contact")
    INTENT = "intent", _("Letter of intent")
    FRIENDLY = "friendly", _("Friendly cooperative city")
    SISTER = "sister", _("Sister city")
    ENDED = "ended", _("Suspended or ended")


STAGE_ORDER = {value: rank for rank, value in enumerate(Relationship.values)}
# The stages that make a city a partner, with a "since" date on the city.
PARTNER_STAGES = (Relationship.FRIENDLY, Relationship.SISTER)


class StageQuerySet(models.QuerySet):
    def for_path(self):
        """What a city page shows of its stages, with what a link to each stage's
        article needs (`LINK_FIELDS`), not its text."""
        return self.select_related("article").only(
            *fields_for(
                "document",
                "signatories",
                plain=("city", "stage", "date", "precision", "exchange", "article"),
            ),
            *fields_for(plain=LINK_FIELDS, via="article__"),
        )


class Stage(models.Model):
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="stages", verbose_name=_("city")
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Relationship.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    document = models.CharField(
        _("document"), max_length=300, blank=True, help_text=_("The title of what was signed.")
    )
    signatories = models.CharField(_("signatories"), max_length=300, blank=True)
    exchange = models.ForeignKey(
        "cities.Exchange",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exchange"),
    )
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article"),
    )

    objects = StageQuerySet.as_manager()

    class Meta:
        ordering = ["city", models.F("date").asc(nulls_first=True), "pk"]
        verbose_name = _("stage of the relationship")
        verbose_name_plural = _("stages of the relationship")
        permissions = [("translate_stage", _("Can translate the texts of stages"))]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "stage"],
                name="cities_stage_once_per_city",
                violation_error_message=_("The city already has this stage."),
            ),
            partial_date_constraint("date", "precision", "cities_stage_date_precision"),
        ]

    def __str__(self):
        when = self.when.text()
        return f"{self.get_stage_display()} · {when}" if when else self.get_stage_display()

    def get_stage_display(self):
        return choice_label(Relationship, self.stage)

    def clean(self):
        super().clean()
        message = partial_date_error(self.date, self.precision)
        if message:
            raise ValidationError({"date": message})
        if self.exchange_id and self.city_id and self.exchange.city_id != self.city_id:
            raise ValidationError({"exchange": _("Choose an exchange of this city.")})

    @property
    def when(self):
        return PartialDate(self.date, self.precision)

    @property
    def sort_key(self):
        """Stages in time; on one date (a letter of intent and a friendly tie in August
        2018) in the order a partnership goes through them."""
        return (self.date is not None, self.date or 0, STAGE_ORDER[self.stage])


def current_stage(stages):
    """The latest of `stages`, or None."""
    return max(stages, key=lambda stage: stage.sort_key, default=None)


class StatedTotal(models.Model):
    """The office's published count of its partner cities, as of a date."""

    sister_cities = models.PositiveSmallIntegerField(_("sister cities"))
    friendly_cities = models.PositiveSmallIntegerField(
        _("friendly cooperative cities"), null=True, blank=True
    )
    countries = models.PositiveSmallIntegerField(_("countries"), null=True, blank=True)
    as_of = models.DateField(_("as of"))
    as_of_precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source")
    )

    class Meta:
        ordering = ["-as_of", "pk"]
        verbose_name = _("stated total")
        verbose_name_plural = _("stated totals")
        constraints = [
            partial_date_constraint("as_of", "as_of_precision", "cities_total_as_of_precision"),
        ]

    def __str__(self):
        return f"{self.sister_cities} / {self.friendly_cities} · {self.as_of_when}"

    @property
    def as_of_when(self):
        return PartialDate(self.as_of, self.as_of_precision)
