"""Where a figure comes from: a document, and what kind of publisher stands behind it.

Visitors are shown official, partner, news and organisation sources, an official
page first; a repost (a third-party copy whose original was not found) and the
staff's note on a source stay in the back office.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.editorial.models import Timestamped
from portal.formatting.dates import (
    DatePrecision,
    PartialDate,
    partial_date_constraint,
    partial_date_error,
)


class SourceKind(models.TextChoices):
    """Who stands behind a source, in the order a page cites them (an official page
    first). A repost shows a fact was seen, not who stated it: staff only."""

    OFFICIAL = "official", _("Official (the home city's government or this office)")
    PARTNER = "partner", _("Partner city (its own government or agency)")
    NEWS = "news", _("News")
    ORGANISATION = "organisation", _("Organisation")
    REPOST = "repost", _("Repost (a third-party copy whose original was not found)")

    @classmethod
    def shown(cls):
        """The kinds a visitor is shown."""
        return [kind for kind in cls.values if kind != cls.REPOST]

    @classmethod
    def rank(cls, kind):
        return cls.values.index(kind) if kind in cls.values else len(cls.values)


class Source(Timestamped):
    """A document a figure comes from: a web page, a printed profile, or a portal article."""

    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=SourceKind.choices,
        default=SourceKind.OFFICIAL,
        help_text=_(
            "Visitors see official, partner, news and organisation sources; a repost "
            "stays in the back office."
        ),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300)
    url = models.URLField(_("address (URL)"), max_length=500, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article of this portal"),
        help_text=_("When the source is one of the portal's own articles."),
    )
    note = models.CharField(
        _("note for staff"),
        max_length=300,
        blank=True,
        help_text=_("Never shown to visitors: what this source is, where it comes from."),
    )

    class Meta:
        # By id: the same order on every database (a backup lists sources in it).
        ordering = ["pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        permissions = [("translate_source", _("Can translate the titles of sources"))]
        constraints = [
            partial_date_constraint("date", "date_precision", "cities_source_date_precision"),
        ]

    def __str__(self):
        parts = [self.title or self.publisher]
        if self.date:
            parts.append(self.when.text())
        return " · ".join(parts)

    def clean(self):
        super().clean()
        message = partial_date_error(self.date, self.date_precision)
        if message:
            raise ValidationError({"date": message})

    @property
    def when(self):
        return PartialDate(self.date, self.date_precision)

    @property
    def is_shown(self):
        return self.kind in SourceKind.shown()
