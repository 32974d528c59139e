import re

import pytest

from tests.factories import make_article, make_category, make_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(db):
    karachi = make_city(slug="karachi", name_en="Karachi")
    lodz = make_city(slug="lodz", name_en="Lodz")
    visits = make_category("visits", name_en="Visits")
    for n in range(12):
        make_article(slug=f"k-{n:02}", cities=[karachi], published_at=f"2021-01-{n + 1:02}T08:00Z")
    make_article(slug="lodz-visit", cities=[lodz], category=visits)
    return karachi, lodz


def slugs(client, **params):
    html = client.get("/en/news/", params).content.decode()
    return re.findall(r'<h3><a href="/en/news/([a-z0-9-]+)/">', html)


def test_news_is_newest_first_and_paginated(client, news):
    first = slugs(client)
    assert first[0] == "lodz-visit" and first[1:4] == ["k-11", "k-10", "k-09"]
    assert len(first) == 10
    assert slugs(client, page=2) == ["k-02", "k-01", "k-00"]


def test_news_filters_by_city_and_category(client, news):
    assert slugs(client, city="lodz") == ["lodz-visit"]
    assert slugs(client, category="visits") == ["lodz-visit"]
    assert len(slugs(client, city="karachi", page=2)) == 2


@pytest.mark.parametrize(
    "params", [{"city": "atlantis"}, {"category": "<b>"}, {"city": ["a", "b"]}]
)
def test_unknown_filters_are_ignored(client, news, params):
    response = client.get("/en/news/", params)
    assert response.status_code == 200 and "<b>" not in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-3", "999", "1" * 30])
def test_bad_page_numbers_are_not_found_not_errors(client, news, page):
    assert client.get("/en/news/", {"page": page}).status_code == 404


def test_pagination_links_keep_the_filters(client, news):
    html = client.get("/en/news/", {"city": "karachi"}).content.decode()
    assert 'href="?city=karachi&amp;page=2"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/%00/",
        "/en/news/../../etc/passwd",
        "/en/news/" + "a" * 3000 + "/",
        "/en/cities/%ff/",
    ],
)
def test_malformed_paths_are_not_found(client, db, path):
    assert client.get(path).status_code in (400, 404)
