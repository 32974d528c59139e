"""Numbers and dates of the original that the translation lacks or changes: errors.

A figure of the original is looked for in every form the translation may give it
(`numbers`, `dates`). When one is missing and the translation has a figure the
original has not, in the same order, that one is named as what is wrong
("“12.5 million” here does not match “1350万” of the original")."""

from collections import defaultdict

from django.utils.translation import gettext_lazy

from portal.editorial.qa.dates import dates
from portal.editorial.qa.decades import decades
from portal.editorial.qa.finding import ERROR, Finding
from portal.editorial.qa.numbers import figures


def check_numbers(source, target):
    missing = _missing(figures(source, strict=True), figures(target), _figure_keys)
    extra = _missing(figures(target, strict=True), figures(source), _figure_keys)
    missing += _missing(decades(source), decades(target), _decade_keys)
    return _findings("numbers", missing, extra, MESSAGES["numbers"])


def check_dates(source, target):
    missing = _missing(dates(source, strict=True), dates(target), _date_keys)
    extra = _missing(dates(target, strict=True), dates(source), _date_keys)
    return _findings("dates", missing, extra, MESSAGES["dates"])


def _missing(wanted, found, keys):
    """Those of `wanted` that nothing in `found` agrees with, each fragment once.

    `keys(item)` are the keys under which an item that may agree is filed; only
    those few are compared, so a long text is checked in linear time."""
    filed = defaultdict(list)
    for other in found:
        for key in keys(other):
            filed[key].append(other)
    kept, seen = [], set()
    for item in wanted:
        if item.fragment in seen:
            continue
        near = (other for key in keys(item) for other in filed.get(key, ()))
        if not any(item.agrees_with(other) for other in near):
            seen.add(item.fragment)
            kept.append(item)
    return kept


def _figure_keys(figure):
    return [(figure.value, figure.percent)]


def _date_keys(date):
    """A date agrees only with one of its day, or of its month if it gives no day."""
    return [("day", date.day)] if date.day is not None else [("month", date.month)]


def _decade_keys(decade):
    return [decade.decade]


def _findings(check, missing, extra, messages):
    lacking, differing = messages
    findings = []
    for index, item in enumerate(missing):
        values = {"original": item.fragment}
        if index < len(extra):
            values["found"] = fragment = extra[index].fragment
            message = differing % values
        else:
            fragment, message = item.fragment, lacking % values
        findings.append(Finding(check, ERROR, str(message), fragment))
    return findings


MESSAGES = {
    "numbers": (
        gettext_lazy("The figure “%(original)s” of the original is missing here."),
        gettext_lazy("“%(found)s” here does not match the figure “%(original)s” of the original."),
    ),
    "dates": (
        gettext_lazy("The date “%(original)s” of the original is missing here."),
        gettext_lazy("“%(found)s” here does not match the date “%(original)s” of the original."),
    ),
}
