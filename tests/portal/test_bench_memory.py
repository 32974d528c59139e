"""The translation-memory benchmark (`manage.py benchmemory`, in `make bench`): it
fills the memory from approved articles and times each kind of lookup."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.editorial.memory_models import MemoryEntry
from portal.operations.bench.dataset import make_articles
from portal.operations.bench.memory import fill_if_empty, queries, time_lookups

pytestmark = pytest.mark.django_db


def test_lookups_are_timed_per_kind_on_a_memory_filled_from_the_articles():
    make_articles(30)
    size = fill_if_empty()
    assert size == MemoryEntry.objects.count() > 30
    by_kind = queries(10)
    assert [len(rows) for rows in by_kind.values()] == [10, 10, 10]
    timings = {timing.kind: timing for timing in time_lookups(by_kind)}
    assert timings["exact"].found == 10
    assert timings["one number changed"].found == 10
    assert timings["not in the memory"].found == 0
    assert timings["all"].lookups == 30
    assert 0 < timings["all"].median <= timings["all"].p95


def test_the_command_refuses_a_database_not_meant_for_benchmarks():
    with pytest.raises(CommandError, match="bench"):
        call_command("benchmemory")
