"""Care mode (关怀版): a cookie and a class on <html>, no JavaScript, its own cached variant."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "label"), [("zh-hans", "关怀版"), ("en", "Care mode")])
def test_the_header_offers_care_mode_in_the_pages_language(client, lang, label):
    response = client.get(f"/{lang}/news/")
    assertContains(
        response,
        f'<a href="/care/on/?next=/{lang}/news/" rel="nofollow">{label}</a>',
        html=True,
    )
    assert f'<html lang="{lang}">' in response.content.decode()


def test_switching_on_sets_a_cookie_like_the_others_and_returns_to_the_page(client):
    response = client.get("/care/on/", {"next": "/en/news/?page=1"})
    assert response.status_code == 302 and response["Location"] == "/en/news/?page=1"
    cookie = response.cookies["care_mode"]
    assert cookie.value == "1" and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 3600


def test_the_cookie_is_secure_over_https():
    response = Client().get("/care/on/", secure=True)
    assert response.cookies["care_mode"]["secure"]


@pytest.mark.parametrize(("lang", "label"), [("zh-hans", "标准版"), ("en", "Standard version")])
def test_in_care_mode_the_page_says_so_and_offers_the_way_back(client, lang, label):
    client.get("/care/on/")
    response = client.get(f"/{lang}/")
    assert f'<html lang="{lang}" class="care">' in response.content.decode()
    assertContains(
        response, f'<a href="/care/off/?next=/{lang}/" rel="nofollow">{label}</a>', html=True
    )


def test_care_mode_stays_across_pages_and_the_language_switch(client):
    client.get("/care/on/")
    switched = client.get("/language/en/", {"next": "/zh-hans/news/"})
    assert "care_mode" not in switched.cookies
    assert 'class="care"' in client.get(switched["Location"]).content.decode()
    assert 'class="care"' in client.get("/zh-hans/cities/").content.decode()


def test_switching_off_clears_the_cookie(client):
    client.get("/care/on/")
    response = client.get("/care/off/", {"next": "/zh-hans/"})
    assert response.cookies["care_mode"].value == "" and response["Location"] == "/zh-hans/"
    assertNotContains(client.get("/zh-hans/"), 'class="care"')


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_a_foreign_next_address_leads_home(client, next_url):
    assert client.get("/care/on/", {"next": next_url})["Location"] == "/zh-hans/"


def test_an_unknown_mode_is_not_found(client):
    assert client.get("/care/maybe/").status_code == 404
    assert client.post("/care/on/").status_code == 405


def test_each_mode_is_its_own_cached_variant(client):
    make_article(slug="signing", title_en="Signing")
    care = Client()
    care.get("/care/on/")
    for _visit in range(2):
        standard_page, care_page = client.get("/en/news/signing/"), care.get("/en/news/signing/")
    assert standard_page["X-Page-Cache"] == care_page["X-Page-Cache"] == "hit"
    assert 'class="care"' in care_page.content.decode()
    assert 'class="care"' not in standard_page.content.decode()


def test_robots_keep_out_of_the_switch(client):
    assert "Disallow: /care/" in client.get("/robots.txt").content.decode()
