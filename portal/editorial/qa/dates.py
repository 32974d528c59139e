"""Dates in Chinese and English text, as (year, month, day) with None for what a
date leaves out: 2021年12月9日, 9 December 2021, Dec. 9, 2021 and 2021-12-09 are
all (2021, 12, 9); 12月 and December are (None, 12, None); 9日 is (None, None, 9).

A range of days is every day it covers: 12月9日至10日, 9-10 December, December
9-10 and 9 and 10 December are all 9 and 10 December. A month name that is also
a word or a name (May, March, Jan) is a month only next to a day or a year."""

import functools
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
# Month names that stand alone as a month: the others are words or names as well.
ALONE = {"January", "February", "July", "September", "October", "November", "December"}
_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _NAMES + r")\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_LAST = r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>[12]\d{3})(?!\d)"
_CN_NUMBER = r"\d{1,4}|[〇零一二两三四五六七八九十]{1,4}"
_TO = r"\s*(?P<to>[-–—~～至到]|and|to)\s*"
_CN_TO = r"\s*(?P<to>[-–—~～至到])\s*"
_CN_YEAR_MONTH = rf"(?:(?P<year>{_CN_NUMBER})\s*年\s*)?(?:(?P<month>{_CN_NUMBER})\s*月\s*)?"

RANGES = [
    re.compile(rf"(?<![\d-]){_DAY}{_TO}{_LAST}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    re.compile(rf"{_MONTH}\s+{_DAY}{_TO}{_LAST}(?:,?\s+{_YEAR})?"),
    re.compile(
        rf"{_CN_YEAR_MONTH}(?P<day>{_CN_NUMBER})\s*(?P<sign>[日号])?{_CN_TO}"
        rf"(?:(?P<month2>{_CN_NUMBER})\s*月\s*)?(?P<last>{_CN_NUMBER})\s*[日号]"
    ),
]
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
    month: int | None
    day: int | None
    fragment: str
    start: int
    end: int

    def agrees_with(self, other):
        """The same day: month and day equal, and the year where both give one (a
        translation may leave out a year or month its context gives)."""
        years = self.year is None or other.year is None or self.year == other.year
        months = self.month is None or other.month is None or self.month == other.month
        return years and months and self.day == other.day


def _number(text):
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    value = value_of(text)
    return int(value) if value is not None else None


def dates(text, strict=False):
    """Every date in `text`, in order; a range gives each of its days. `strict` is
    kept for the callers: a bare ambiguous month name is never a date."""
    return list(_read(text))


@functools.lru_cache(maxsize=8)
def _read(text):
    """Read once per text: a check reads each of its two texts three times."""
    found = []
    taken = bytearray(len(text))  # 1 where a date was read already
    for pattern in [*RANGES, NUMERIC, CHINESE, *ENGLISH]:
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.find(1, start, end) != -1:
                continue
            read = _dates(match)
            if read:
                found += read
                taken[start:end] = b"\1" * (end - start)
    return tuple(sorted(found, key=lambda date: date.start))


def _dates(match):
    groups = match.groupdict()
    month = groups["month"]
    if month in MONTHS and not (groups.get("day") or groups.get("year") or month in ALONE):
        return []
    month = MONTHS[month] if month in MONTHS else _number(month)
    year, day = _number(groups.get("year")), _number(groups.get("day"))
    if month is None and (year is not None or groups.get("sign") != "日"):
        return []  # 3至5日 (three to five days), 1号至3号 (numbers 1 to 3): no dates
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return []
    fragment = match.group().strip().rstrip(".")
    if groups.get("last") is None:
        return [Date(year, month, day, fragment, *match.span())]
    last = _number(groups["last"])
    if last is None or not day < last <= 31 or groups.get("month2"):
        return []  # 9月30日至10月2日: no day range within a month
    days = [day, last] if groups["to"] == "and" else range(day, last + 1)
    return [Date(year, month, each, fragment, *match.span()) for each in days]
