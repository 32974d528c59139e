"""Time translation-memory lookups (`manage.py benchmemory`, part of `make bench`).

The memory is filled from the benchmark's approved articles first if it is empty
(`memory.rebuild`). The queries are the memory's own sources, drawn with a fixed
seed, as a translator meets them: unchanged (an exact match), with one number
changed (a date or a count: the fuzzy match the memory is for), and a sentence the
memory has never seen (nothing to find, the slowest case for a fuzzy search).
Each lookup is `memory_lookup.matches` as the workbench calls it, in-process.
"""

import random
import re
import statistics
import time
from dataclasses import dataclass

from portal.editorial import memory
from portal.editorial.memory_lookup import matches
from portal.editorial.memory_models import MemoryEntry

SEED = 7
UNSEEN = [
    ("zh-hans", "en", "联合国教科文组织今天在巴黎总部召开第四十二届大会。"),
    ("zh-hans", "en", "气象台发布暴雨蓝色预警，提醒市民注意出行安全。"),
    ("en", "zh-hans", "The observatory issued a blue rainstorm warning this afternoon."),
]


@dataclass
class Timing:
    kind: str
    lookups: int
    found: int  # lookups with at least one match
    median: float
    p95: float


def fill_if_empty(progress=None):
    """The memory's size, after filling it from approved content if it was empty."""
    if not MemoryEntry.objects.exists():
        memory.rebuild(progress=progress)
    return MemoryEntry.objects.count()


def _changed_number(text, rng):
    """`text` with one of its numbers changed, or None if it has none."""
    numbers = list(re.finditer(r"\d+", text))
    if not numbers:
        return None
    number = rng.choice(numbers)
    value = str(int(number.group()) + rng.randrange(1, 9))
    return text[: number.start()] + value + text[number.end() :]


def queries(count, seed=SEED):
    """`{kind: [(source language, target language, text)]}`, `count` of each kind."""
    rng = random.Random(seed)
    top = MemoryEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    exact, fuzzy = [], []
    attempts = 0
    while (len(exact) < count or len(fuzzy) < count) and attempts < count * 50:
        attempts += 1
        entry = MemoryEntry.objects.filter(pk__gte=rng.randrange(1, top + 1)).order_by("pk")
        row = entry.values_list("source_language", "target_language", "source").first()
        if row is None:
            continue
        if len(exact) < count:
            exact.append(row)
        changed = _changed_number(row[2], rng)
        if changed is not None and len(fuzzy) < count:
            fuzzy.append((row[0], row[1], changed))
    unseen = [UNSEEN[n % len(UNSEEN)] for n in range(count)]
    return {"exact": exact, "one number changed": fuzzy, "not in the memory": unseen}


def time_lookups(by_kind, warm_up=3):
    """A `Timing` per kind of query, and one for them all (milliseconds)."""
    timings, every = [], []
    for kind, rows in by_kind.items():
        for source_language, target_language, text in rows[:warm_up]:
            matches(text, source_language, target_language)
        times, found = [], 0
        for source_language, target_language, text in rows:
            start = time.perf_counter()
            result = matches(text, source_language, target_language)
            times.append((time.perf_counter() - start) * 1000)
            found += bool(result)
        every += times
        timings.append(_timing(kind, times, found))
    timings.append(_timing("all", every, sum(t.found for t in timings)))
    return timings


def _timing(kind, times, found):
    if not times:
        return Timing(kind, 0, 0, 0.0, 0.0)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    return Timing(kind, len(times), found, statistics.median(times), p95)
