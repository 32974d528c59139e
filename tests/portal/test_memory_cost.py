"""What the memory costs a workbench request: no lookups when saving, the exact
matches of every segment in one query, no fuzzy scoring of long segments, no
overlong entries, and fuzzy candidates from the right pair of languages only."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.editorial import memory
from portal.editorial.memory_lookup import matches, suggestions
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.workbench import build_units
from tests.factories import make_article

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
SENTENCES = ["市长会见了代表团。", "代表团参观了新区。", "双方签署了协议。"]


def entry(source, target="T", source_language="zh-hans", target_language="en"):
    return MemoryEntry(
        source=source,
        target=target,
        source_language=source_language,
        target_language=target_language,
        approved_at=WHEN,
    ).fill_keys()


def test_exact_matches_of_every_segment_come_in_one_query():
    memory.add([entry(text, f"T{n}") for n, text in enumerate(SENTENCES)])
    with CaptureQueriesContext(connection) as queries:
        found = suggestions("".join(SENTENCES), "zh-hans", "en")
    assert [item.matches[0].entry.target for item in found] == ["T0", "T1", "T2"]
    assert sum('"source_key" IN' in query["sql"] for query in queries) == 1


def test_saving_in_the_workbench_looks_nothing_up():
    memory.add([entry(SENTENCES[0], "The mayor met the delegation.")])
    article = make_article(title_zh_hans=SENTENCES[0], title_en="", original_language="zh-hans")
    user = get_user_model().objects.create_superuser("boss")
    (shown,) = build_units(article, "en", user)
    assert any(row.memory for row in shown.rows)
    (saving,) = build_units(article, "en", user, data={})
    assert not any(row.memory for row in saving.rows)


def test_a_long_segment_is_matched_exactly_only():
    long = "代表团" * 200 + "。"
    memory.add([entry(long, "exact"), entry(long.replace("团", "国", 1), "near")])
    assert [match.entry.target for match in matches(long, "zh-hans", "en")] == ["exact"]
    assert matches(long.replace("团", "员", 1), "zh-hans", "en") == []


def test_a_long_block_whose_sentences_do_not_pair_is_not_stored():
    source = "代表团参观了新区" * 130 + "。"
    target = "The delegation toured. " * 2 + "x" * 1000
    assert memory.pairs(source, target, "zh-hans", "en") == []
    assert memory.pairs("代表团参观了新区。", "The delegation toured.", "zh-hans", "en")


@pytest.mark.skipif("connection.vendor == 'postgresql'")
def test_fuzzy_candidates_come_from_the_pair_of_languages_looked_up():
    wanted = "The delegation arrived on 9 May."
    others = [entry(wanted, f"other {n}", "zh-hans", "en") for n in range(70)]
    near = entry("The delegation arrived on 10 May.", "代表团于5月10日抵达。", "en", "zh-hans")
    memory.add([*others, near])
    (match,) = matches(wanted, "en", "zh-hans", limit=1)
    assert match.entry.target == "代表团于5月10日抵达。"
