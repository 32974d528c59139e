"""Search results: each card kept for its record and the query's words, never stale,
and the same as one rendered afresh."""

import re

import pytest

from cities.models import City
from news.models import Article
from tests.factories import make_article, make_city

# Parts are kept only outside a transaction: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def karachi(db):
    city = make_city(
        slug="karachi",
        name_en="Karachi",
        name_zh_hans="卡拉奇",
        summary_en="<p>Port city on the Arabian Sea.</p>",
        summary_zh_hans="<p>阿拉伯海岸的港口城市。</p>",
    )
    make_article(
        slug="port",
        title_en="Karachi port delegation",
        title_zh_hans="卡拉奇港口代表团",
        body_en="<p>The delegation toured the port of Karachi.</p>",
        body_zh_hans="<p>代表团参观了卡拉奇港。</p>",
        source_en="Shenyang Daily",
        cities=[city],
    )
    make_article(
        slug="fair",
        title_en="Trade fair",
        body_en="<p>Firms from Karachi came to the fair.</p>",
        original_language="en",
        title_zh_hans="",
        body_zh_hans="",
    )
    return city


def results(client, path):
    html = client.get(path).content.decode()
    return re.findall(r'<li class="card">.*?</li>', html, re.S)


QUERIES = ["/en/search/?q=Karachi", "/en/search/?q=port", "/zh-hans/search/?q=卡拉奇"]


def test_kept_cards_are_the_cards_rendered_afresh(client, karachi, settings):
    kept = {path: results(client, path) for path in QUERIES * 2}
    assert all(kept.values())
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    for path, cards in kept.items():
        assert cards == results(client, path), path


def test_each_query_marks_its_own_words(client, karachi):
    def card(path):
        return next(card for card in results(client, path) if "/en/news/port/" in card)

    assert "<mark>Karachi</mark> port delegation" in card("/en/search/?q=Karachi")
    assert "Karachi <mark>port</mark> delegation" in card("/en/search/?q=port")


def test_an_edited_article_or_city_shows_at_once(client, karachi):
    results(client, "/en/search/?q=Karachi")
    article = Article.objects.get(slug="port")
    article.title_en = "Karachi harbour delegation"
    article.body_en = "<p>The delegation saw the harbour of Karachi.</p>"
    article.save()
    city = City.objects.get(slug="karachi")
    city.summary_en = "<p>Largest city of Pakistan.</p>"
    city.save()
    html = "".join(results(client, "/en/search/?q=Karachi"))
    assert "<mark>Karachi</mark> harbour delegation" in html and "harbour of" in html
    assert "Largest city of Pakistan." in html and "Arabian Sea" not in html


def test_a_withdrawn_article_leaves_the_results(client, karachi):
    assert any("/en/news/fair/" in card for card in results(client, "/en/search/?q=Karachi"))
    article = Article.objects.get(slug="fair")
    article.status = "draft"
    article.save()
    assert not any("/en/news/fair/" in card for card in results(client, "/en/search/?q=Karachi"))
