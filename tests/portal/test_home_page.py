"""The home page: featured news, partner cities and recent exchanges."""

import datetime
import re

import pytest
from pytest_django.asserts import assertContains, assertInHTML

from tests.factories import make_article, make_city, make_exchange

pytestmark = pytest.mark.django_db


def featured_card(html):
    """The news list's (first) featured card, as HTML."""
    return re.search(r'<li class="card card-featured">.*?</li>', html, re.S).group()


def test_home_shows_featured_news_partner_cities_and_recent_exchanges(client, db):
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    report = make_article(
        slug="signing",
        title_en="Shenyang and Karachi become sister cities",
        title_zh_hans="沈阳与卡拉奇结为友好城市",
        featured=True,
        cities=[karachi],
    )
    make_exchange(
        karachi,
        date=datetime.date(2021, 12, 9),
        precision="day",
        title_en="Sister-city agreement signed",
        title_zh_hans="两市签署协议",
        article=report,
    )
    for lang, title, exchanges, date, city in (
        ("en", report.title_en, "Recent exchanges", "9 December 2021", "Karachi"),
        ("zh-hans", report.title_zh_hans, "近期交流", "2021年12月9日", "卡拉奇"),
    ):
        response = client.get(f"/{lang}/")
        assertInHTML(
            f'<a href="/{lang}/news/signing/">{title}</a>', featured_card(response.content.decode())
        )
        assertContains(response, f'<a href="/{lang}/cities/karachi/">{city}</a>', html=True)
        assertContains(response, exchanges, html=True)
        assertContains(response, f'<time datetime="2021-12-09">{date}</time>', html=True)


def test_an_older_featured_article_still_leads_the_home_page(client, db):
    make_article(
        slug="old-featured",
        title_en="Old but featured",
        featured=True,
        published_at="2020-01-01T00:00Z",
    )
    for n in range(8):
        make_article(slug=f"new-{n}")
    html = client.get("/en/").content.decode()
    assertInHTML('<a href="/en/news/old-featured/">Old but featured</a>', featured_card(html))
    assert html.index("Old but featured") < html.index("/en/news/new-7/")


def test_only_the_featured_article_is_styled_as_featured(client, db):
    make_article(slug="lead", featured=True)
    make_article(slug="other")
    assert client.get("/en/").content.decode().count("card-featured") == 1


def test_home_shows_a_change_to_any_record_it_shows_at_once(client, settings):
    """A change to any record the home page shows, through the ORM or `.update()`
    (no signal), shows on the page from the cache at once."""
    from cities.models import Country, Exchange
    from news.models import Category
    from tests.factories import make_category

    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 3600
    karachi = make_city(slug="karachi", name_en="Karachi")
    category = make_category(name_en="Visits")
    report = make_article(title_en="Signing", category=category, featured=True)
    exchange = make_exchange(karachi, date=datetime.date(2021, 12, 9), title_en="Agreement")
    for text in ("Visits", "Agreement", karachi.country.name_en, "Signing"):
        assertContains(client.get("/en/"), text)

    for change, old, new in (
        (
            lambda: Category.objects.filter(pk=category.pk).update(name_en="Delegations"),
            "Visits",
            "Delegations",
        ),
        (
            lambda: Exchange.objects.filter(pk=exchange.pk).update(title_en="Accord"),
            "Agreement",
            "Accord",
        ),
        (
            lambda: Country.objects.filter(pk=karachi.country_id).update(
                name_en="Islamic Republic"
            ),
            "Country PK",
            "Islamic Republic",
        ),
        (
            lambda: type(report).objects.filter(pk=report.pk).update(title_en="Signed"),
            "Signing",
            "Signed",
        ),
    ):
        change()
        html = client.get("/en/").content.decode()
        assert new in html and old not in html, (old, new)
