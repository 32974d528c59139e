"""The translation memory's best match in an XLIFF export, as XLIFF 1.2's
`<alt-trans match-quality="…">` of each unit that needs translating, so a CAT
tool offers it.

A segmented unit of plain text (`<seg-source>`, `portal.editorial.xliff_segments`)
gets one per segment, naming it (`mid`). A unit of one sentence gets that sentence's best
match. A longer field left whole gets one composed sentence by sentence: each
sentence's best match, joined, its quality the sentences' qualities weighted by
their length (when every sentence has one); else the memory's best match for
the field whole (a field whose sentences did not correspond is kept whole in the
memory, when short enough).
"""

import time

from portal.editorial.memory import WHOLE_FIELD, blocks, clean, segments
from portal.editorial.memory_lookup import best
from portal.formatting.language_tags import canonical
from portal.formatting.scripts import sentence_joiner

# How long one export may spend looking up matches, so that it stays within its 5 s
# goal: at 100,000 articles and 107,722 pairs on PostgreSQL, 1,000 units took
# 3.8-4.2 s with 10 s allowed (all looked up, 50 matched; 4.8 s median, 5.9 s p95 on
# a busier machine) and 3.1 s with 3 s allowed (42 of the 50 matched).
ALT_TRANS_SECONDS = 3


def _best(text, source_language, target_language):
    return best(text, source_language, target_language, origin=False)


def best_for_field(original, source_language, target_language, rich=False, lookup=_best):
    """`(source, target, percent)` of the best match for a field, or None."""
    parts = segments(original, source_language, rich)
    if len(parts) > 1:
        composed = _composed(parts, source_language, target_language, lookup)
        if composed is not None:
            return composed
    whole = " ".join(blocks(original, rich))
    if not parts or (len(parts) > 1 and len(whole) > WHOLE_FIELD):
        return None  # a field this long is never in the memory whole
    match = lookup(whole, source_language, target_language)
    return (match.entry.source, match.entry.target, match.percent) if match else None


def _composed(parts, source_language, target_language, lookup):
    found = []
    for part in parts:
        match = lookup(part, source_language, target_language)
        if match is None:
            return None
        found.append(match)
    joiner = sentence_joiner(target_language)
    length = sum(len(part) for part in parts)
    quality = sum(match.percent * len(part) for match, part in zip(found, parts, strict=True))
    return (
        " ".join(match.entry.source for match in found),
        joiner.join(match.entry.target for match in found),
        int(quality / length),
    )


class AltTrans:
    """The best matches of one export: each segment looked up once, and lookups
    stopped after `seconds` (a large export then carries matches for its first
    units only, rather than taking minutes)."""

    def __init__(self, seconds=None):
        self.deadline = time.monotonic() + (ALT_TRANS_SECONDS if seconds is None else seconds)
        self.found = {}

    def best(self, text, source_language, target_language):
        key = (text, source_language, target_language)
        if key not in self.found:
            self.found[key] = best(text, source_language, target_language, origin=False)
        return self.found[key]

    def add(self, unit, original, source_language, target_language, rich=False):
        """Add the best matches of `original` to the translate-toolkit XLIFF `unit`:
        one per segment of a segmented unit (`mid`), else one for the unit."""
        if time.monotonic() > self.deadline:
            return
        seg_source = unit.xmlelement.find(unit.namespaced("seg-source"))
        marks = [] if seg_source is None else list(seg_source.iter(unit.namespaced("mrk")))
        marks = [mark for mark in marks if mark.get("mtype") == "seg"]
        # The schema finds a segment by `mid` only among <seg-source>'s own children:
        # segments inside a paragraph's <g> get a match for the whole unit instead.
        if not marks or any(mark.getparent() is not seg_source for mark in marks):
            match = best_for_field(original, source_language, target_language, rich, self.best)
            if match is not None:
                _append(unit, *match, target_language)
            return
        for mark in marks:
            text = clean("".join(mark.itertext()))
            if not text:
                continue
            match = self.best(text, source_language, target_language)
            if match is not None:
                entry = match.entry
                _append(unit, entry.source, entry.target, match.percent, target_language, mark)


def _append(unit, source, target, quality, target_language, mark=None):
    unit.addalttrans(target, sourcetxt=source, matchquality=str(quality))
    alt = unit.xmlelement[-1]
    alt.set("origin", "portal-translation-memory")
    if mark is not None:
        alt.set("mid", mark.get("mid"))
    alt.find(unit.namespaced("target")).set(
        "{http://www.w3.org/XML/1998/namespace}lang", canonical(target_language)
    )
