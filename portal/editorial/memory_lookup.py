"""Looking up the translation memory: exact and fuzzy matches for a source segment.

The match percentage is the same on every database: difflib's ratio of the two
texts, character by character (Chinese has no spaces; an English word changed
costs its letters), floored, and 100 only for the same text. An exact match (by
its key) ends the search; otherwise the databases only find fuzzy candidates
quickly, at most `CANDIDATES` of them, and only those are scored:

- PostgreSQL: pg_trgm's `%` operator on the GIN trigram index, the most similar
  first (`similarity()`), first at a threshold that reads few rows, then, when
  none of those is a match, at a lower one (a 75 % match of a short or much
  edited sentence can share under half its trigrams);
- elsewhere (SQLite): the entries sharing most of the query's rarest n-grams
  (`memory.grams`; their rarity from `MemoryGramCount`), read from `MemoryGram`.
"""

import difflib
import math
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count

from portal.editorial.memory import clean, grams, segments, uses_trigrams
from portal.editorial.memory_models import MemoryEntry, MemoryGram, MemoryGramCount, source_key
from portal.formatting.diffs import inline_diff

FUZZY = 75  # the lowest match shown, in percent
CANDIDATES = 60
# pg_trgm's similarity thresholds, tried in turn until a match is found.
TRIGRAM_THRESHOLDS = (0.5, 0.3)
RARE_GRAMS = 6
# A longer segment is looked up exactly only (difflib is quadratic in the worst case).
LONGEST_FUZZY = 500


@dataclass(frozen=True)
class Match:
    percent: int
    entry: MemoryEntry
    diff: str  # HTML: the entry's source against the one looked up, <del>/<ins> marked

    @property
    def exact(self):
        return self.percent == 100

    @property
    def over_qa_errors(self):
        """Approved over QA errors: shown marked, offered after a clean match."""
        return self.entry.over_qa_errors

    @property
    def origin(self):
        """`(record, field label)` where the pair was approved (None, "" for an import)."""
        entry = self.entry
        record = entry.record if entry.content_type_id else None
        return record, entry.field_label


def percent(a, b):
    """How alike two segments are, 0 to 100 (100: the same text)."""
    if a == b:
        return 100
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return min(99, math.floor(ratio * 100))


def matches(
    source, source_language, target_language, limit=3, minimum=FUZZY, origin=True, exact=None
):
    """The best `limit` matches (`Match`) of `source` at `minimum` % or more, best first
    (without `origin`, their records and approvers are not loaded). `exact`: its exact
    rows if already read (`exact_rows`)."""
    source = clean(source)
    if not source:
        return []
    if exact is None:
        exact = exact_rows([source], source_language, target_language).get(source, [])
    # Every exact row is scored: a clean one goes before one approved over QA errors.
    rows = _candidates(source, source_language, target_language, minimum, exact)
    scored = _scored(rows, source, minimum)[:limit]
    entries = MemoryEntry.objects.all()
    if origin:
        entries = entries.select_related("approved_by", "content_type").prefetch_related("record")
    entries = entries.in_bulk([pk for _score, pk in scored])
    return [
        Match(score, entries[pk], inline_diff(entries[pk].source, source)) for score, pk in scored
    ]


ROW = ("pk", "source", "approved_at", "over_qa_errors")


def _candidates(source, source_language, target_language, minimum, exact):
    """`[ROW]` worth scoring: the exact ones if any (an exact match is what a
    translator takes: no fuzzy search beside it), else the fuzzy candidates."""
    if exact:
        return exact
    if len(source) > LONGEST_FUZZY:
        return []
    if uses_trigrams():
        return _trigram_candidates(source, source_language, target_language, minimum)
    languages = {"source_language": source_language, "target_language": target_language}
    ids = _gram_candidates(source, languages)
    return MemoryEntry.objects.filter(pk__in=ids, **languages).values_list(*ROW)


def best_percent(source, source_language, target_language, minimum=FUZZY):
    """The percentage of the best fuzzy match of `source` (a segment without an exact
    match, cleaned), or 0 below `minimum`: the score alone, no entry loaded."""
    rows = _candidates(source, source_language, target_language, minimum, [])
    scored = _scored(rows, source, minimum)
    return scored[0][0] if scored else 0


def exact_rows(sources, source_language, target_language):
    """`{source: [ROW]}` of the entries matching any of `sources` exactly (one query)."""
    keys = {source_key(source_language, target_language, text): text for text in sources}
    found = {}
    rows = MemoryEntry.objects.filter(
        source_key__in=keys, source_language=source_language, target_language=target_language
    ).order_by("pk")
    for key, *row in rows.values_list("source_key", *ROW):
        found.setdefault(keys[key], []).append(tuple(row))
    return found


def _scored(rows, source, minimum):
    """`[(percent, pk)]` of the rows at `minimum` or more, best first; of equal ones, a
    clean pair before one approved over QA errors, then the latest."""
    scored = []
    for pk, text, approved_at, over_qa_errors in rows:
        if text != source and (
            len(text) > LONGEST_FUZZY or _quick_ratio(text, source) * 100 < minimum
        ):
            continue
        score = percent(text, source)
        if score >= minimum:
            scored.append((score, over_qa_errors, approved_at, pk))
    scored.sort(key=lambda item: (-item[0], item[1], -item[2].timestamp(), item[3]))
    return [(score, pk) for score, _over, _approved_at, pk in scored]


def best(source, source_language, target_language, minimum=FUZZY, origin=True):
    found = matches(source, source_language, target_language, 1, minimum, origin)
    return found[0] if found else None


def _quick_ratio(a, b):
    return difflib.SequenceMatcher(None, a, b, autojunk=False).real_quick_ratio()


def _trigram_candidates(source, source_language, target_language, minimum):
    """`[ROW]` of the most similar sources by trigrams: close ones first (a high
    threshold reads few rows), and only when none of them is a match, further ones."""
    table = MemoryEntry._meta.db_table
    rows = []
    for threshold in TRIGRAM_THRESHOLDS:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(threshold)]
            )
            cursor.execute(
                f"SELECT id, source, approved_at, over_qa_errors FROM {table} WHERE source %% %s "
                "AND source_language = %s AND target_language = %s "
                "ORDER BY similarity(source, %s) DESC, id LIMIT %s",
                [source, source_language, target_language, source, CANDIDATES],
            )
            rows = cursor.fetchall()
        if _scored(rows, source, minimum):
            break
    return rows


def _gram_candidates(source, languages):
    """The ids of the entries in the pair of `languages` sharing most rare n-grams."""
    query = grams(source)
    counts = dict(MemoryGramCount.objects.filter(gram__in=query).values_list("gram", "entries"))
    if not counts:
        return []
    rare = sorted(counts, key=lambda gram: (counts[gram], gram))
    rare = rare[: max(RARE_GRAMS, len(rare) // 3)]
    found = (
        MemoryGram.objects.filter(gram__in=rare)
        .filter(**{f"entry__{name}": value for name, value in languages.items()})
        .values("entry")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "entry")[:CANDIDATES]
    )
    return [row["entry"] for row in found]


@dataclass(frozen=True)
class Suggestion:
    segment: str
    matches: list


def suggestions(original, source_language, target_language, rich=False, budget=None):
    """`[Suggestion]`: each segment of a field's original with its matches (the
    workbench's). `budget`, a one-item list, caps the lookups a page makes."""
    wanted = segments(original, source_language, rich)
    if budget is not None:
        wanted = wanted[: max(budget[0], 0)]
        budget[0] -= len(wanted)
    if not wanted:
        return []
    exact = exact_rows(wanted, source_language, target_language)
    return [
        Suggestion(
            segment,
            matches(segment, source_language, target_language, exact=exact.get(segment, [])),
        )
        for segment in wanted
    ]
