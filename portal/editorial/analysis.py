"""How much text waits for translation, and how much of it the memory already holds:
a CAT tool's analysis (Trados "Analyze Files", memoQ's statistics) per record and
language.

The text to translate is the original of each field missing or stale in the target
language, segmented as the memory stores it (`memory.segments`: rich text by its
blocks, without its tags, in sentences, whitespace normalised). Its size is counted
in the unit of the original's language (`scripts.count_unit`): words where words are
spaced (English), characters where they are not (Chinese: 字数). As Trados and memoQ
count, an ideograph or kana is one unit wherever it stands, a run of letters or
digits (a word, "GDP", "2021", "1,350.5", "Shenyang's") is one, and punctuation and
spaces are none.

Each segment falls in one band: a repetition (the same segment earlier in the same
record), exact (the memory holds it, after the memory's own normalisation), fuzzy (a
match of `memory_lookup.FUZZY` % or more) or new. Exact matches are read in one
query per record and language; fuzzy lookups cost tens of milliseconds each at
100,000 articles, so a summary makes at most `LOOKUPS` of them (a long new article's
first sentences): a segment past that is counted `unchecked`, not guessed. The
counts say when they were made (`at`): a pair approved since does not change them
until the record is saved or summarised again.
"""

import re

from django.utils import timezone

from portal.editorial.memory import segments
from portal.editorial.memory_lookup import FUZZY, best_percent, exact_rows
from portal.formatting.scripts import COUNTED_BY_CHARACTER, count_unit

REPETITIONS, EXACT, FUZZY_BAND, NEW, UNCHECKED = (
    "repetitions",
    "exact",
    "fuzzy",
    "new",
    "unchecked",
)
# In the order a CAT tool's analysis lists them.
BANDS = (REPETITIONS, EXACT, FUZZY_BAND, NEW, UNCHECKED)
# Fuzzy lookups one summary makes at most (a record and its parts, on one save).
LOOKUPS = 40

_TOKEN = re.compile(
    rf"[{COUNTED_BY_CHARACTER}]"
    rf"|[^\W_{COUNTED_BY_CHARACTER}]+(?:['’.,\-][^\W_{COUNTED_BY_CHARACTER}]+)*"
)


def size(text):
    """How many units `text` (plain) counts: each ideograph or kana, each word or
    number; punctuation and spaces count nothing."""
    return len(_TOKEN.findall(text or ""))


def budget():
    """A fresh allowance of fuzzy lookups, shared by a record and its parts."""
    return [LOOKUPS]


def analyse(texts, source_language, target_language, allowance=None):
    """The count of `texts` (`[(value, rich)]`, the originals to translate) against
    the memory from `source_language` into `target_language`: `{"unit", "total",
    <band>: n for each band, "at": ISO date}`, or None when there is nothing to
    count. `allowance`: a `budget()` the fuzzy lookups draw on."""
    found = [text for value, rich in texts for text in segments(value, source_language, rich)]
    sized = [(text, size(text)) for text in found]
    sized = [(text, units) for text, units in sized if units]
    allowance = budget() if allowance is None else allowance
    wanted = {text for text, _units in sized}
    exact = exact_rows(wanted, source_language, target_language) if wanted else {}
    count = {"unit": count_unit(source_language), "total": 0, **dict.fromkeys(BANDS, 0)}
    seen = set()
    for text, units in sized:
        if text in seen:
            band = REPETITIONS
        elif text in exact:
            band = EXACT
        elif allowance[0] > 0:
            allowance[0] -= 1
            matched = best_percent(text, source_language, target_language) >= FUZZY
            band = FUZZY_BAND if matched else NEW
        else:
            band = UNCHECKED
        seen.add(text)
        count[band] += units
        count["total"] += units
    count["at"] = timezone.localdate().isoformat()
    return count
