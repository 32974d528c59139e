"""Dates in Chinese and English text, as (year, month, day) with None for what a
date leaves out: 2021年12月9日, 9 December 2021, Dec. 9, 2021 and 2021-12-09 are
all (2021, 12, 9); 12月 and December are (None, 12, None)."""

import re
from dataclasses import dataclass

from portal.editorial.qa.chinese_numerals import value_of

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>[12]\d{3})(?!\d)"
_CN_NUMBER = r"\d{1,4}|[〇零一二两三四五六七八九十]{1,4}"

ENGLISH = [
    re.compile(rf"(?<!\d){_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"),
    re.compile(rf"{_MONTH}(?:\s+{_YEAR})?"),
]
NUMERIC = re.compile(
    r"(?<!\d)(?P<year>[12]\d{3})([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d)"
)
CHINESE = re.compile(
    rf"(?:(?P<year>{_CN_NUMBER})\s*年\s*)?(?P<month>{_CN_NUMBER})\s*月"
    rf"(?:\s*(?P<day>{_CN_NUMBER})\s*[日号])?"
)


@dataclass(frozen=True)
class Date:
    year: int | None
    month: int
    day: int | None
    fragment: str
    start: int
    end: int

    def agrees_with(self, other):
        """The same day: month and day equal, and the year where both give one (a
        translation may leave out a year its context gives)."""
        years = self.year is None or other.year is None or self.year == other.year
        return years and (self.month, self.day) == (other.month, other.day)


def _number(text):
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    value = value_of(text)
    return int(value) if value is not None else None


def dates(text, strict=False):
    """Every date in `text`, in order. `strict` leaves out a bare "May", which may
    be the verb ("May our friendship last")."""
    found, taken = [], []
    for pattern in [NUMERIC, CHINESE, *ENGLISH]:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            date = _date(match)
            if date is None or (strict and date.fragment == "May"):
                continue
            found.append(date)
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda date: date.start)


def _date(match):
    groups = match.groupdict()
    month = groups["month"]
    month = MONTHS[month] if month in MONTHS else _number(month)
    year, day = _number(groups.get("year")), _number(groups.get("day"))
    if not month or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return Date(year, month, day, match.group().strip().rstrip("."), match.start(), match.end())
