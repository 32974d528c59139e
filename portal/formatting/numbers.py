"""Numbers as a newspaper prints them, in Chinese and in English."""

from decimal import Decimal

from django.utils import translation


def _trim(value):
    """3527.0 → "3527", 2.5 → "2.5"."""
    return f"{Decimal(str(value)).normalize():f}"


def grouped(value):
    """9070093 → "9,070,093" in both languages (Chinese newspapers group digits too)."""
    if value is None:
        return ""
    return f"{Decimal(str(value)).normalize():,f}"


def population(value, approximate=False):
    """20000000 → "about 20 million" / "约2000万"; exact figures are grouped.

    Chinese counts in 万 (10⁴) and 亿 (10⁸), English in millions: a language's
    way of counting, like its date format, so it lives here, not in a catalog.
    """
    if value is None:
        return ""
    if not approximate:
        return grouped(value)
    if translation.get_language() == "zh-hans":
        for size, word in ((100_000_000, "亿"), (10_000, "万")):
            if value >= size:
                return f"约{_trim(round(value / size, 1))}{word}"
        return f"约{grouped(value)}"
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if value >= size:
            return f"about {_trim(round(value / size, 1))} {word}"
    return f"about {grouped(value)}"


def nth(number):
    """22 → "22nd" in English; the bare number elsewhere (Chinese writes 第22个)."""
    if translation.get_language() != "en":
        return str(number)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
