"""Numbers and dates of the original that the translation lacks or changes: errors.

A figure of the original is looked for in every form the translation may give it
(`numbers`, `dates`). When one is missing and the translation has a figure the
original has not, in the same order, that one is named as what is wrong
("“12.5 million” here does not match “1350万” of the original")."""

from django.utils.translation import gettext_lazy

from portal.editorial.qa.dates import dates
from portal.editorial.qa.finding import ERROR, Finding
from portal.editorial.qa.numbers import figures


def check_numbers(source, target):
    missing = _missing(figures(source, strict=True), figures(target))
    extra = _missing(figures(target, strict=True), figures(source))
    return _findings("numbers", missing, extra, MESSAGES["numbers"])


def check_dates(source, target):
    missing = _missing(dates(source, strict=True), dates(target))
    extra = _missing(dates(target, strict=True), dates(source))
    return _findings("dates", missing, extra, MESSAGES["dates"])


def _missing(wanted, found):
    """Those of `wanted` that nothing in `found` agrees with, each fragment once."""
    kept, seen = [], set()
    for item in wanted:
        if item.fragment not in seen and not any(item.agrees_with(other) for other in found):
            seen.add(item.fragment)
            kept.append(item)
    return kept


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
