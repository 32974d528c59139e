"""The news list's total is counted once per site revision, and is never wrong."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from tests.factories import make_article

# Committed changes, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    """No page from the page cache: each view renders, so what it counts shows."""
    settings.PAGE_CACHE_SECONDS = 0


def total(client, path="/en/news/"):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    counted = sum("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return html, counted


def test_the_total_is_counted_once_and_again_after_a_change(client, db):
    for n in range(12):
        make_article(slug=f"a-{n}")
    html, counted = total(client)
    assert "12 articles" in html and "Page 1 of 2" in html and counted == 1
    html, counted = total(client, "/en/news/?page=2")
    assert "12 articles" in html and "Page 2 of 2" in html and counted == 0
    make_article(slug="new")
    html, counted = total(client)
    assert "13 articles" in html and counted == 1
    Article.objects.filter(slug="a-0").update(status="draft")  # no signal, yet seen
    Article.objects.get(slug="a-1").delete()
    html, counted = total(client)
    assert "11 articles" in html and counted == 1


def test_each_filter_has_its_own_total(client, db):
    from tests.factories import make_city

    karachi = make_city(slug="karachi")
    make_article(slug="k", cities=[karachi])
    make_article(slug="other")
    assert "2 articles" in total(client)[0]
    assert "1 article" in total(client, "/en/news/?city=karachi")[0]
    assert "2 articles" in total(client)[0]


def test_a_scheduled_article_is_counted_when_its_time_comes(client, db):
    now = timezone.now()
    make_article(slug="out", published_at=now - datetime.timedelta(days=1))
    make_article(slug="soon", published_at=now + datetime.timedelta(hours=2))
    with time_machine.travel(now, tick=False):
        html, counted = total(client)
        assert "1 article" in html and "soon" not in html
        assert total(client)[1] == 0  # kept
    with time_machine.travel(now + datetime.timedelta(hours=3), tick=False):
        html, counted = total(client)
        assert "2 articles" in html and "/en/news/soon/" in html and counted == 1
