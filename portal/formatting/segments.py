"""Sentences of a plain text, as a translation memory and a CAT tool's segmentation
see them.

Chinese ends a sentence at 。！？；, English at . ! ? (and ; is not a sentence end
in English), each with the closing quotes or brackets after it. A period after a
common abbreviation ("Mr.", "Dec.", "U.S.", an initial) does not end one, so
"Mr. Smith" stays whole. The segments keep every character, whitespace included:
`"".join(sentences(text, language)) == text`, so a segmented field is put back
together exactly.

Why not translate-toolkit's `lang.sentences()`: it drops the whitespace between
sentences (a segmented field could not be rebuilt) and splits "Mr. Smith".
"""

import re

from portal.formatting.scripts import written_without_spaces

# Closing quotes and brackets that belong to the sentence they end.
_CLOSERS = re.escape("\"'”’」』）)】》]")

_CHINESE_END = re.compile(rf"[。！？；!?…]+[{_CLOSERS}]*\s*")
_ENGLISH_END = re.compile(rf"[.!?]+[{_CLOSERS}]*(\s+|$)")

# Lower-cased words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr no nos vs etc fig vol pp approx dept gov pop est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    co corp inc ltd e.g i.e u.s u.k u.n p.r.c a.m p.m""".split()  # noqa: SIM905 (a word list)
)


def sentences(text, language):
    """The sentences of `text` in `language` (a language code: "zh-hans", "en", …),
    with their trailing whitespace. Empty text gives no sentences."""
    if not text:
        return []
    if written_without_spaces(language):
        return _split(text, _CHINESE_END, lambda before, after: True)
    return _split(text, _ENGLISH_END, _ends_english_sentence)


def _split(text, end, is_end):
    segments, start = [], 0
    for match in end.finditer(text):
        stop = match.end()
        if stop >= len(text) or is_end(text[start : match.start() + 1], text[stop:]):
            segments.append(text[start:stop])
            start = stop
    if start < len(text):
        segments.append(text[start:])
    return segments


def _ends_english_sentence(before, after):
    """Whether the period closing `before` ends a sentence, given the text `after` it."""
    if before.endswith((".", "。")) and not before.endswith(".."):
        word = before[:-1].rsplit(None, 1)[-1].lower() if before[:-1].strip() else ""
        word = word.lstrip("(\"'“‘")
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            return False
    # A sentence starts with a capital, a digit, a quote or bracket, or a CJK character.
    return bool(re.match(r"[\"'“‘(\[A-Z0-9\u3000-\u9fff]", after))
