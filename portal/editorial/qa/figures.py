"""Numbers and dates of the original that the translation lacks or changes: errors."""

from django.utils.translation import gettext as _

from portal.editorial.qa.dates import dates
from portal.editorial.qa.finding import ERROR, Finding
from portal.editorial.qa.numbers import figures


def check_numbers(source, target):
    found = figures(target)
    return [
        Finding(
            "numbers",
            ERROR,
            _("The figure “%(figure)s” of the original is missing or different here.")
            % {"figure": figure.fragment},
            figure.fragment,
        )
        for figure in _unique(figures(source, strict=True))
        if not any(figure.agrees_with(other) for other in found)
    ]


def check_dates(source, target):
    found = dates(target)
    return [
        Finding(
            "dates",
            ERROR,
            _("The date “%(date)s” of the original is missing or different here.")
            % {"date": date.fragment},
            date.fragment,
        )
        for date in _unique(dates(source, strict=True))
        if not any(date.agrees_with(other) for other in found)
    ]


def _unique(items):
    """One finding per fragment: a figure the original repeats is reported once."""
    seen, kept = set(), []
    for item in items:
        if item.fragment not in seen:
            seen.add(item.fragment)
            kept.append(item)
    return kept
