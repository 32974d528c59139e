"""Figures in Chinese and English text as values, whatever the notation: 1350万,
13.5 million and 13,500,000 are all 13,500,000; 2万只 and 20,000 are 20,000;
十二 and 12 are 12; 20%, 20 per cent and 百分之二十 are 20 per cent.

An original's figures are read *strictly* (what surely is a figure: no lone 一 or
两, which are words as often as numbers, no time of day, and no figure inside a
date, which `dates` compares as a date, nor one stuck to letters as in G20 or
COVID-19); a translation's *leniently* (any numeral, English number words,
figures in dates and names too), so that a figure of the original is looked for
in every form the translation may give it. A decade (`decades`) is no figure.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from portal.editorial.qa.chinese_numerals import DIGITS, NUMERALS, scale_of, value_of
from portal.editorial.qa.dates import dates
from portal.editorial.qa.decades import decades

ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9}
ENGLISH_SCALES |= {"bn": 10**9, "trillion": 10**12}
_SCALE = (
    r"(?:\s*(?P<cn_scale>[百千万亿]+)|\s+(?P<en_scale>thousand|million|billion|trillion)\b"
    r"|\s?(?P<abbr>bn|mn)\b)?"
)
_PERCENT = r"(?P<percent>\s?[%％]|\s(?:per\s?cent|pct)\b)?"
# A figure right after a letter, or a letter and a hyphen, is part of a name (G20,
# COVID-19), not a figure a translation must repeat.
# A translation's figures are read with them: "G20" may translate 二十国集团.
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
ARABIC = re.compile(r"(?<![0-9A-Za-z.])(?<![A-Za-z]-)" + _NUMBER + _SCALE + _PERCENT)
LENIENT = re.compile(r"(?<![0-9.])" + _NUMBER + _SCALE + _PERCENT)
CHINESE = re.compile(rf"(?P<percent>百分之)?(?P<number>[{NUMERALS}]+(?:点[{''.join(DIGITS)}]+)?)")
# A time of day (15:00): written 下午3点 in Chinese, so not compared figure by figure.
TIME = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?!\d)")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”（）。，；：！？、]*[^\s<>\"“”（）。，；：！？、.,;:!?)]"
)

WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
WORDS += " fifteen sixteen seventeen eighteen nineteen"
NUMBER_WORDS = {word: n for n, word in enumerate(WORDS.split())}
NUMBER_WORDS |= {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
NUMBER_WORDS |= {"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
NUMBER_WORDS |= {word: n for n, word in enumerate(ORDINALS.split(), start=1)}
ENGLISH_WORDS = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?P<unit>one|two|three|"
    r"four|five|six|seven|eight|nine)\b|\b(?P<word>" + "|".join(NUMBER_WORDS) + r")\b"
    r"(?:\s+(?P<en_scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
# Runs of Chinese numerals that are words: 十分 (very), 万一 (in case), 千万 (by all means).
NOT_NUMBERS = {"十分", "万一", "千万", "一一", "百万"}


@dataclass(frozen=True)
class Figure:
    value: Decimal
    percent: bool
    fragment: str

    def agrees_with(self, other):
        return self.value == other.value and self.percent == other.percent


def figures(text, strict=False):
    """The figures in `text`: `strict` for an original, lenient for a translation."""
    text = URL.sub(_blank, text)
    spans = [(item.start, item.end) for item in decades(text)]
    if strict:
        text = TIME.sub(_blank, text)
        spans += [(date.start, date.end) for date in dates(text, strict=True)]
    text = _blank_spans(text, spans)
    arabic = ARABIC if strict else LENIENT
    found = [_arabic(match) for match in arabic.finditer(text)]
    text = arabic.sub(_blank, text)  # 1350万: its 万 is not a figure of its own
    found += [_chinese(match, strict) for match in CHINESE.finditer(text)]
    if not strict:
        found += [_word(match) for match in ENGLISH_WORDS.finditer(text)]
    return [figure for figure in found if figure is not None]


def _blank_spans(text, spans):
    """`text` with blanks over `spans`, in one pass (a long text has many dates)."""
    characters = list(text)
    for start, end in spans:
        characters[start:end] = " " * (end - start)
    return "".join(characters)


def _blank(match):
    return " " * len(match.group())


def _arabic(match):
    try:
        value = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        return None
    if match["cn_scale"]:
        value *= scale_of(match["cn_scale"])
    elif match["en_scale"] or match["abbr"]:
        value *= ENGLISH_SCALES[(match["en_scale"] or match["abbr"]).lower()]
    return Figure(value.normalize(), bool(match["percent"]), match.group().strip())


def _chinese(match, strict):
    run = match["number"]
    whole, _point, decimals = run.partition("点")
    if strict and not match["percent"] and (len(whole) < 2 or whole in NOT_NUMBERS):
        return None
    if strict and whole[0] not in DIGITS and whole[0] != "十":
        return None  # 百姓, 万事: a unit or scale first is a word
    value = value_of(whole) if whole[0] not in "万亿" else None
    if value is None:
        return None
    if decimals:
        value += Decimal("0." + "".join(str(DIGITS[digit]) for digit in decimals))
    return Figure(value.normalize(), bool(match["percent"]), match.group())


def _word(match):
    if match["tens"]:
        value = NUMBER_WORDS[match["tens"].lower()] + NUMBER_WORDS[match["unit"].lower()]
    else:
        value = NUMBER_WORDS[match["word"].lower()]
    if match["en_scale"]:
        value *= ENGLISH_SCALES[match["en_scale"].lower()]
    return Figure(Decimal(value).normalize(), False, match.group())
