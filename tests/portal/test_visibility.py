"""Visitors never see what is not published now: pages, lists, home, search, feed, sitemap."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_article, make_city, make_exchange
from tests.sitemap import sitemap_urls

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["draft", "review", "withdrawn", "scheduled"]


def hidden_state(name):
    """The fields that keep a record out of visitors' sight in state `name`, as of now."""
    now = timezone.now()
    return {
        "draft": {"status": "draft"},
        "review": {"status": "review"},
        "withdrawn": {"status": "withdrawn", "published_at": now},
        "scheduled": {"status": "published", "published_at": now + datetime.timedelta(hours=1)},
    }[name]


@pytest.fixture(params=HIDDEN_STATES)
def hidden(request, db):
    """A live city and article beside a hidden city and article, all named Hiddenword."""
    state = hidden_state(request.param)
    live_city = make_city(slug="live-city", name_en="Livecity")
    city = make_city(slug="hidden-city", name_en="Hiddenword city", **state)
    article = make_article(
        slug="hidden-article", title_en="Hiddenword report", cities=[live_city], **state
    )
    make_exchange(live_city, title_en="Exchange with a report", article=article)
    return city, article


def test_hidden_pages_are_not_found(client, hidden):
    assert client.get("/en/cities/hidden-city/").status_code == 404
    assert client.get("/en/news/hidden-article/").status_code == 404


@pytest.mark.parametrize("path", ["/en/", "/en/cities/", "/en/news/", "/en/cities/live-city/"])
def test_hidden_records_are_absent_from_lists(client, hidden, path):
    html = client.get(path).content.decode()
    assert "Hiddenword" not in html and "hidden-article" not in html and "hidden-city" not in html


def test_timeline_does_not_link_to_a_hidden_article(client, hidden):
    html = client.get("/en/cities/live-city/").content.decode()
    assert "Exchange with a report" in html
    assert "/en/news/hidden-article/" not in html


def test_hidden_records_are_absent_from_search(client, hidden):
    html = client.get("/en/search/", {"q": "hiddenword"}).content.decode()
    assert "hidden-article" not in html and "hidden-city" not in html


def test_hidden_records_are_absent_from_feed_and_sitemap(client, hidden):
    assert "hidden-article" not in client.get("/en/news/feed/").content.decode()
    sitemap = " ".join(sitemap_urls(client))
    assert "hidden" not in sitemap and "live-city" in sitemap


def test_scheduled_article_appears_when_its_time_comes(client, db):
    article = make_article(slug="soon", published_at=timezone.now() + datetime.timedelta(minutes=1))
    assert client.get("/en/news/soon/").status_code == 404
    article.published_at = timezone.now() - datetime.timedelta(seconds=1)
    article.save()
    assert client.get("/en/news/soon/").status_code == 200
