"""Round anniversaries of each stage of a partnership: the 1st, the 5th, the 10th and
every 5th after.

An anniversary falls in a period as precise as its stage's date: a day, a
month or a year. A list of a time window (the staff front page's next 120 days,
the calendar feed's five years) holds every anniversary whose period meets the
window, printed with its period ("in August 2028"); the calendar places one
known to the month or year on its first day. The home page's "this month"
strip holds those of the month: known to the day or to that month, never one
known only to the year, which no month can claim. A stage with no date has
none. Suspended or ended partnerships are not celebrated, nor the ending
itself. Only published cities count.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.models import City, Relationship, Stage
from portal.editorial.models import LINK_FIELDS, fields_for
from portal.formatting.dates import DatePrecision, PartialDate
from portal.formatting.i18n import localized


def is_round(years):
    return years == 1 or (years > 0 and years % 5 == 0)


@dataclass(frozen=True)
class Anniversary:
    stage: Stage
    years: int
    day: datetime.date  # the first day of its period: the day, month or year
    precision: str

    @property
    def city(self):
        return self.stage.city

    @property
    def when(self):
        return PartialDate(self.day, self.precision)

    @property
    def last_day(self):
        if self.precision == DatePrecision.YEAR:
            return self.day.replace(month=12, day=31)
        if self.precision == DatePrecision.MONTH:
            return self.day.replace(day=calendar.monthrange(self.day.year, self.day.month)[1])
        return self.day

    def what(self):
        """ "5 years as a sister city" / "结为友好城市5周年"."""
        n = self.years
        phrases = {
            Relationship.SISTER: ngettext(
                "%(n)s year as a sister city", "%(n)s years as a sister city", n
            ),
            Relationship.FRIENDLY: ngettext(
                "%(n)s year as a friendly cooperative city",
                "%(n)s years as a friendly cooperative city",
                n,
            ),
            Relationship.INTENT: ngettext(
                "%(n)s year since the letter of intent",
                "%(n)s years since the letter of intent",
                n,
            ),
            Relationship.CONTACT: ngettext(
                "%(n)s year since the first contact", "%(n)s years since the first contact", n
            ),
        }
        return phrases[self.stage.stage] % {"n": n}

    def text(self):
        """ "Karachi: 5 years as a sister city, 9 December 2026"; one known to the month
        or year: "…, in August 2028"."""
        values = {
            "city": localized(self.city, "name").text,
            "what": self.what(),
            "date": self.when.text(),
        }
        if self.precision == DatePrecision.DAY:
            return _("%(city)s: %(what)s, %(date)s") % values
        return _("%(city)s: %(what)s, in %(date)s") % values

    def summary(self):
        """A calendar event's title: the event's day says the day; a month or year
        known only is said in words, since the event sits on its first day."""
        if self.precision == DatePrecision.DAY:
            return _("%(city)s: %(what)s") % {
                "city": localized(self.city, "name").text,
                "what": self.what(),
            }
        return self.text()


def _on(stage, year):
    start = stage.date
    if stage.precision == DatePrecision.YEAR:
        return datetime.date(year, 1, 1)
    if stage.precision == DatePrecision.MONTH:
        return datetime.date(year, start.month, 1)
    if (start.month, start.day) == (2, 29) and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return start.replace(year=year)


def anniversaries_of(stages, first, last):
    """Round anniversaries of `stages` whose period (day, month or year) meets `first`
    to `last` (dates, both included), in order of their first day."""
    found = []
    for stage in stages:
        if stage.date is None:
            continue
        for year in range(first.year, last.year + 1):
            years = year - stage.date.year
            if not is_round(years):
                continue
            anniversary = Anniversary(stage, years, _on(stage, year), stage.precision)
            if anniversary.last_day >= first and anniversary.day <= last:
                found.append(anniversary)
    return sorted(found, key=lambda a: (a.day, a.city.slug, a.stage.stage))


def celebrated_stages():
    """Stages of published partners still in the partnership, with their city: one query."""
    return (
        Stage.objects.filter(
            city__in=City.objects.published().partners().exclude(relationship=Relationship.ENDED),
            date__isnull=False,
        )
        .exclude(stage=Relationship.ENDED)
        .select_related("city")
    )


def upcoming(today, days=120):
    """The round anniversaries from `today` to `days` days on."""
    return anniversaries_of(celebrated_stages(), today, today + datetime.timedelta(days=days))


def this_month(today):
    """The anniversaries of `today`'s month: known to the day or to that month."""
    first = today.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    # Only stages of this month can have an anniversary in it: the database picks them.
    stages = celebrated_stages().exclude(precision=DatePrecision.YEAR)
    # What the home page's strip prints of each, and nothing more: a stage's and its
    # city's whole rows were a sixth of the home page rendered afresh.
    stages = stages.only(
        "stage", "date", "precision", "city", *fields_for("name", plain=LINK_FIELDS, via="city__")
    )
    return anniversaries_of(stages.filter(date__month=first.month), first, last)
