"""The translation memory's best match in an XLIFF export, as XLIFF 1.2's
`<alt-trans match-quality="…">` of each unit that needs translating, so a CAT
tool offers it.

A unit of one sentence gets that sentence's best match. A longer field gets the
memory's best match for it whole (a field kept whole in the memory), else one
composed sentence by sentence: each sentence's best match, joined, its quality
the sentences' qualities weighted by their length (when every sentence has one).
"""

from portal.editorial.memory import blocks, segments
from portal.editorial.memory_lookup import best
from portal.formatting.language_tags import canonical


def best_for_field(original, source_language, target_language, rich=False):
    """`(source, target, percent)` of the best match for a field, or None."""
    parts = segments(original, source_language, rich)
    if not parts:
        return None
    whole = best(" ".join(blocks(original, rich)), source_language, target_language)
    if whole is not None or len(parts) == 1:
        return (whole.entry.source, whole.entry.target, whole.percent) if whole else None
    found = [best(part, source_language, target_language) for part in parts]
    if None in found:
        return None
    joiner = "" if target_language.startswith(("zh", "ja")) else " "
    length = sum(len(part) for part in parts)
    quality = sum(match.percent * len(part) for match, part in zip(found, parts, strict=True))
    return (
        " ".join(match.entry.source for match in found),
        joiner.join(match.entry.target for match in found),
        int(quality / length),
    )


def add_alt_trans(unit, original, source_language, target_language, rich=False):
    """Add the best match of `original` to the translate-toolkit XLIFF `unit`."""
    match = best_for_field(original, source_language, target_language, rich)
    if match is None:
        return
    source, target, quality = match
    unit.addalttrans(target, sourcetxt=source, matchquality=str(quality))
    alt = unit.xmlelement[-1]
    alt.set("origin", "portal-translation-memory")
    alt.find(unit.namespaced("target")).set(
        "{http://www.w3.org/XML/1998/namespace}lang", canonical(target_language)
    )
