"""One event on a partner city's timeline of friendly exchanges."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models.city import City
from portal.editorial.models import LINK_FIELDS, Timestamped, Translatable, fields_for
from portal.formatting.dates import (
    DatePrecision,
    PartialDate,
    partial_date_constraint,
    partial_date_error,
)
from portal.formatting.i18n import choice_label


class ExchangeKind(models.TextChoices):
    VISIT = "visit", _("Visit")
    AGREEMENT = "agreement", _("Agreement")
    FORUM = "forum", _("Forum")
    EXHIBITION = "exhibition", _("Exhibition")
    DONATION = "donation", _("Donation")
    OTHER = "other", _("Other")


class ExchangeQuerySet(models.QuerySet):
    def for_timeline(self):
        """What a city's timeline shows, with what a link to each exchange's article
        needs (`LINK_FIELDS`): not the article's text, nor the translators' bookkeeping."""
        return self.select_related("article").only(
            *fields_for(
                "title", "description", plain=("city", "date", "precision", "kind", "article")
            ),
            *fields_for(plain=LINK_FIELDS, via="article__"),
        )


class Exchange(Translatable, Timestamped):
    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="exchanges", verbose_name=_("city")
    )
    date = models.DateField(_("date"))
    precision = models.CharField(
        _("known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_('"In August 2018": choose Month and enter 2018-08-01.'),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ExchangeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchanges",
        verbose_name=_("article"),
        help_text=_("A news report about this exchange, if there is one."),
    )

    objects = ExchangeQuerySet.as_manager()

    required_translations = ("title",)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        permissions = [("translate_exchange", _("Can translate exchanges"))]
        constraints = [
            partial_date_constraint("date", "precision", "cities_exchange_date_precision"),
        ]
        indexes = [models.Index(fields=["date", "id"], name="cities_exchange_by_date")]

    def __str__(self):
        return f"{self.when} · {self.title}"

    def get_kind_display(self):
        return choice_label(ExchangeKind, self.kind)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        message = partial_date_error(self.date, self.precision)
        if message:
            errors.setdefault("date", []).append(message)
        if errors:
            raise ValidationError(errors)

    @property
    def when(self):
        return PartialDate(self.date, self.precision)
