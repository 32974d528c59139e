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
100,000 articles, so a summary makes at most `LOOKUPS` of them, for its longest
segments: the rest is counted `unchecked` ("not looked up"), not guessed, until a
background job looks it up (`count_jobs`). The counts say when they were made
(`at`): a pair approved since does not change them until the record is saved or
summarised again.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext_lazy

from portal.editorial.memory import segments
from portal.editorial.memory_lookup import FUZZY, best_percent, exact_rows
from portal.formatting.numbers import grouped
from portal.formatting.scripts import CHARACTERS, COUNTED_BY_CHARACTER, count_unit

REPETITIONS, EXACT, FUZZY_BAND, NEW, UNCHECKED = (
    "repetitions",
    "exact",
    "fuzzy",
    "new",
    "unchecked",
)
# In the order a CAT tool's analysis lists them.
BANDS = (REPETITIONS, EXACT, FUZZY_BAND, NEW, UNCHECKED)
# Fuzzy lookups one summary makes at most (a record and its parts, on one save): at
# 100,000 articles one takes 10-25 ms, so a save spends at most about a quarter second.
LOOKUPS = 12

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
    <band>: n for each band, "at": ISO date}. `allowance`: a `budget()` the fuzzy
    lookups draw on."""
    found = [text for value, rich in texts for text in segments(value, source_language, rich)]
    sized = [(text, size(text)) for text in found]
    sized = [(text, units) for text, units in sized if units]
    allowance = budget() if allowance is None else allowance
    wanted = {text for text, _units in sized}
    exact = exact_rows(wanted, source_language, target_language) if wanted else {}
    count = {"unit": count_unit(source_language), "total": 0, **dict.fromkeys(BANDS, 0)}
    seen, to_look_up = set(), []
    for text, units in sized:
        if text in seen:
            count[REPETITIONS] += units
        elif text in exact:
            count[EXACT] += units
        else:
            to_look_up.append((text, units))
        seen.add(text)
        count["total"] += units
    # The longest first: what the allowance leaves unchecked is the least text.
    to_look_up.sort(key=lambda item: -item[1])
    for text, units in to_look_up:
        if allowance[0] <= 0:
            count[UNCHECKED] += units
            continue
        allowance[0] -= 1
        matched = best_percent(text, source_language, target_language) >= FUZZY
        count[FUZZY_BAND if matched else NEW] += units
    count["at"] = timezone.localdate().isoformat()
    return count


BAND_LABELS = {
    REPETITIONS: pgettext_lazy("translation memory leverage", "repetitions"),
    EXACT: pgettext_lazy("translation memory leverage", "exact"),
    FUZZY_BAND: pgettext_lazy("translation memory leverage", "fuzzy"),
    NEW: pgettext_lazy("translation memory leverage", "new"),
    UNCHECKED: pgettext_lazy("translation memory leverage", "not looked up"),
}


def legend():
    """What the counts mean, with the memory's own threshold (`memory_lookup.FUZZY`).
    "100 %" never splits over two lines: no-break spaces."""
    return gettext(
        "Words (English) or characters (Chinese) of the original still to translate, by "
        "their match in the translation memory: exact 100 %%, fuzzy %(fuzzy)s–99 %%, "
        "new under %(fuzzy)s %%; repetitions repeat a sentence of the same record."
    ) % {"fuzzy": FUZZY}


def measure(unit, number):
    """ "412 words" / "412词", "1,203 characters" / "1,203字"."""
    if unit == CHARACTERS:
        text = ngettext("%(count)s character", "%(count)s characters", number)
    else:
        text = ngettext("%(count)s word", "%(count)s words", number)
    return text % {"count": grouped(number)}


@dataclass
class Tally:
    """Counts as shown: one cell's, or several added up in one unit (a record and its
    parts in the queue, a language's column in the matrix)."""

    unit: str
    total: int = 0
    bands: dict = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    at: str = ""  # the oldest analysis among them (ISO date)

    def add(self, count):
        self.total += count.get("total") or 0
        for band in BANDS:
            self.bands[band] += count.get(band) or 0
        when = count.get("at") or ""
        self.at = min(self.at, when) if self.at and when else self.at or when
        return self

    @property
    def size(self):
        return measure(self.unit, self.total)

    @property
    def shown(self):
        """`[(label, number)]`: exact, fuzzy and new always, the others when there are any."""
        always = (EXACT, FUZZY_BAND, NEW)
        return [
            (BAND_LABELS[band], grouped(self.bands[band]))
            for band in BANDS
            if band in always or self.bands[band]
        ]

    @property
    def analysed(self):
        return datetime.date.fromisoformat(self.at) if self.at else None

    def __str__(self):
        return " · ".join([self.size, *(f"{label} {number}" for label, number in self.shown)])


def tallies(counts):
    """The stored `counts` (dicts, None skipped) added up, one `Tally` per unit."""
    found = {}
    for count in counts:
        if count:
            found.setdefault(count["unit"], Tally(count["unit"])).add(count)
    return list(found.values())
