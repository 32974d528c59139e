"""Decades, one figure of their own: 20世纪90年代, 90年代, the 1990s and the '90s
are all the nineties; a decade that names no century agrees with any century's."""

import re
from dataclasses import dataclass

from portal.editorial.qa.chinese_numerals import value_of

CHINESE = re.compile(
    r"(?:(?P<century>\d{1,2}|[一二十]{1,3})\s*世纪\s*|(?<!\d)(?P<hundreds>1\d|20))?"
    r"(?P<decade>[1-9]?0|[一二三四五六七八九]?十)\s*年代"
)
# "the 90s" without its apostrophe may be an age ("in her 90s"): a figure then.
ENGLISH = re.compile(r"(?<![\w'’])(?:(?P<hundreds>1\d|20)|['’])(?P<decade>\d0)s\b")


@dataclass(frozen=True)
class Decade:
    year: int | None  # 1990, or None for "90年代", "the '90s"
    decade: int  # 90
    fragment: str
    start: int
    end: int

    def agrees_with(self, other):
        years = self.year is None or other.year is None or self.year == other.year
        return years and self.decade == other.decade


def decades(text):
    found = [_chinese(match) for match in CHINESE.finditer(text)]
    found += [_english(match) for match in ENGLISH.finditer(text)]
    return sorted((item for item in found if item), key=lambda item: item.start)


def _chinese(match):
    decade = _value(match["decade"])
    century = _value(match["century"]) if match["century"] else None
    if decade is None or decade > 90 or (match["century"] and not century):
        return None
    year = (century - 1) * 100 + decade if century else None
    if match["hundreds"]:
        year = int(match["hundreds"]) * 100 + decade
    return Decade(year, decade, match.group(), *match.span())


def _english(match):
    decade = int(match["decade"])
    year = int(match["hundreds"]) * 100 + decade if match["hundreds"] else None
    return Decade(year, decade, match.group(), *match.span())


def _value(text):
    if text.isdigit():
        return int(text)
    value = value_of(text)
    return int(value) if value is not None else None
