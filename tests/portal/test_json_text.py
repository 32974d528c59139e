"""The translation queue's question is answered from its index on both databases, in
every process: `JsonText` writes the same SQL in the index and in the query."""

import pytest
from django.db import connection
from django.db.models.lookups import In

from news.models import Article
from portal.editorial.json_text import JsonText
from portal.editorial.summaries import TranslationSummary
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def plan(queryset):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # a table of a few rows is read whole otherwise
            cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def test_the_queue_reads_its_index():
    stale = make_article(title_zh_hans="旧", title_en="Old")
    stale.title_zh_hans = "新"
    stale.save()
    make_article()
    waiting = Article.objects.filter(In(JsonText("translation_states", "en"), ["missing", "stale"]))
    assert list(waiting) == [stale]
    assert "news_article_queue_en" in plan(waiting.order_by("updated_at", "id"))


def test_the_matrix_counts_read_the_summaries_index():
    make_article(title_en="")  # missing its English
    behind = TranslationSummary.objects.filter(
        In(JsonText("cells", "en", "state"), ["missing", "stale"])
    )
    assert behind.count() == 1
    assert "portal_summary_state_en" in plan(behind)


def test_keys_are_names_not_text():
    for keys in ((), ("en'; DROP TABLE x; --",), ("zh-hans",)):
        with pytest.raises(ValueError):
            JsonText("cells", *keys)
