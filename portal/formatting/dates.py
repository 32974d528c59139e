"""Dates known to a year, a month or a day, printed as a person writes them.

The seed documents say "In August 2018" and "On March 28, 2019": a date and
how precisely it is known travel together. A month-precision date is stored as
the first of its month, a year-precision date as 1 January; the database holds
that rule (`partial_date_constraint`) and forms show it (`partial_date_error`).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import dateformat, translation
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


# A language's own formats (Django's locale formats, and ours in `portal/formats/`
# where we write dates differently: English "9 December 2021"), so that pages and
# the admin agree. A year alone has no locale format: Chinese writes "2018年".
PRECISION_FORMATS = {"month": "YEAR_MONTH_FORMAT", "day": "DATE_FORMAT"}
YEAR_FORMATS = {"zh-hans": "Y年"}


def date_format_for(precision, language):
    """The `date` filter format of a date known to `precision`, in `language`."""
    if precision == DatePrecision.YEAR:
        return YEAR_FORMATS.get(language, "Y")
    return get_format(PRECISION_FORMATS.get(precision, "DATE_FORMAT"), lang=language)


def format_partial_date(value, precision, language=None):
    """`date(2018, 8, 1), "month"` → "August 2018" in English, "2018年8月" in Chinese;
    `date(2021, 12, 9), "day"` → "9 December 2021" / "2021年12月9日"."""
    if value is None:
        return ""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    with translation.override(language):
        return dateformat.format(value, date_format_for(precision, language))


# The `<time datetime>` form of each precision (HTML's year, month and date strings).
MACHINE_FORMATS = {"year": "Y", "month": "Y-m", "day": "Y-m-d"}


@dataclass(frozen=True)
class PartialDate:
    """A date and how precisely it is known: it decides both how it reads and its
    `datetime`: `<time datetime="{{ d.machine }}">{{ d }}</time>`."""

    value: date | None
    precision: str

    def __bool__(self):
        return self.value is not None

    def __str__(self):
        return self.text()

    def text(self, language=None):
        """ "August 2018" / "2018年8月": as a person writes it, in `language` or the active one."""
        return format_partial_date(self.value, self.precision, language)

    @property
    def machine(self):
        """ "2018-08" for a month: what `<time datetime>` holds, no more precise than known."""
        if self.value is None:
            return ""
        return dateformat.format(self.value, MACHINE_FORMATS.get(self.precision, "Y-m-d"))


def partial_date_error(value, precision):
    """The message for a date that does not fit its precision, or None."""
    if value is None:
        return None
    if precision == DatePrecision.MONTH and value.day != 1:
        return _("A date known to the month is entered as the 1st of that month.")
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        return _("A date known to the year is entered as 1 January of that year.")
    return None


def partial_date_constraint(date_field, precision_field, name):
    """The database's copy of `partial_date_error`'s rule."""
    return models.CheckConstraint(
        condition=(
            models.Q(**{f"{date_field}__isnull": True})
            | models.Q(**{precision_field: DatePrecision.DAY})
            | models.Q(**{precision_field: DatePrecision.MONTH, f"{date_field}__day": 1})
            | models.Q(
                **{
                    precision_field: DatePrecision.YEAR,
                    f"{date_field}__month": 1,
                    f"{date_field}__day": 1,
                }
            )
        ),
        name=name,
        violation_error_message=_("The date does not fit its precision."),
    )
