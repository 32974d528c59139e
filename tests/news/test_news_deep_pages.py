"""Every page of the news list holds what OFFSET would give, though a deeper page's
rows are read by id and pages past the middle are counted from the oldest end."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.views import ArticlePaginator
from tests.factories import make_article, make_category, make_city

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2024, 1, 1, 8))


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(params=[0, 10, 200], ids=["by-id", "first-direct", "direct"])
def direct_rows(request, monkeypatch):
    """How many rows the list passes over in one query before reading pages by id."""
    monkeypatch.setattr(ArticlePaginator, "DIRECT_ROWS", request.param)
    return request.param


@pytest.fixture
def news(db, direct_rows):
    """25 visible articles, newest `n-24`, two of them at the same time; around them
    what a visitor must never see in the English list."""
    karachi = make_city(slug="karachi")
    visits = make_category("visits", name_en="Visits")
    for n in range(25):
        make_article(
            slug=f"n-{n:02}",
            published_at=START + datetime.timedelta(hours=n if n != 13 else 12),
            cities=[karachi] if n % 2 else [],
            category=visits if n % 3 == 0 else None,
        )
    make_article(slug="draft", status="draft", published_at=None)
    make_article(slug="chinese", original_language="zh-hans", title_en="", body_en="")
    make_article(slug="soon", published_at=timezone.now() + datetime.timedelta(days=1))


def newest_first(numbers):
    return [f"n-{n:02}" for n in sorted(numbers, key=lambda n: (n if n != 13 else 12, n))][::-1]


def slugs(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return re.findall(r'<h3><a href="/en/news/([a-z0-9-]+)/">', response.content.decode())


def pages(client, query=""):
    found, number = [], 1
    while True:
        html = client.get(f"/en/news/?{query}page={number}").content.decode()
        found.append(re.findall(r'<h3><a href="/en/news/([a-z0-9-]+)/">', html))
        if 'rel="next"' not in html:
            return found
        number += 1


@pytest.mark.parametrize(
    "query, numbers",
    [
        ("", range(25)),
        ("city=karachi&", [n for n in range(25) if n % 2]),
        ("category=visits&", [n for n in range(25) if n % 3 == 0]),
    ],
)
def test_each_page_holds_the_next_articles_newest_first(client, news, query, numbers):
    expected = newest_first(numbers)
    found = pages(client, query)
    assert [slug for page in found for slug in page] == expected
    assert [len(page) for page in found[:-1]] == [10] * (len(found) - 1)


def test_a_scheduled_article_takes_its_place_when_its_time_comes(client, news):
    assert "soon" not in slugs(client, "/en/news/?page=3")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2), tick=False):
        first, last = slugs(client, "/en/news/"), slugs(client, "/en/news/?page=3")
    assert first[0] == "soon" and last == newest_first(range(25))[19:]


@pytest.mark.parametrize("direct_rows", [10], indirect=True)
def test_a_deeper_page_reads_its_rows_by_id_and_past_the_middle_from_the_end(
    client, news, monkeypatch
):
    def rows_query(path):
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        (sql,) = [q["sql"] for q in queries if '"news_article"."standfirst_en"' in q["sql"]]
        if " IN (SELECT " not in sql:
            return sql, None
        outer, rest = sql.split(" IN (SELECT ", 1)
        ids, outer_order = rest.rsplit(") ORDER BY ", 1)
        return outer + outer_order, ids

    first, ids = rows_query("/en/news/")
    assert ids is None and "LIMIT 10" in first, "the first page in one query"
    outer, ids = rows_query("/en/news/?page=3")
    assert "OFFSET" not in outer and "LIMIT" not in outer
    assert " ASC" in ids and " DESC" not in ids, "the last page counted from the oldest"
    monkeypatch.setattr(ArticlePaginator, "DIRECT_ROWS", 0)
    outer, ids = rows_query("/en/news/")
    assert "LIMIT" not in outer and " DESC" in ids and "LIMIT 10" in ids
