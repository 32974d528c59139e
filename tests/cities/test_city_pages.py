import re
from decimal import Decimal
from html import unescape

import pytest

from cities.models import City
from tests.factories import make_city, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    asia, europe = make_country("PK", continent="asia"), make_country("PL", continent="europe")
    return {
        "karachi": make_city(
            slug="karachi",
            name_en="Karachi",
            country=asia,
            ordinal=22,
            latitude=Decimal("24.86"),
            longitude=Decimal("67.01"),
        ),
        "lodz": make_city(
            slug="lodz",
            name_en="Lodz",
            country=europe,
            relationship="friendly",
            latitude=Decimal("51.76"),
            longitude=Decimal("19.46"),
        ),
        "draft": make_city(slug="hidden", name_en="Hidden", country=europe, status="draft"),
    }


def listed(client, **params):
    html = client.get("/en/cities/", params).content.decode()
    return re.findall(r'<h3><a href="/en/cities/([a-z-]+)/">', html), unescape(html)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["karachi", "lodz"]),
        ({"continent": "asia"}, ["karachi"]),
        ({"continent": "europe"}, ["lodz"]),
        ({"country": "PL"}, ["lodz"]),
        ({"relationship": "sister"}, ["karachi"]),
        ({"relationship": "friendly", "continent": "asia"}, []),
        ({"order": "name"}, ["karachi", "lodz"]),
    ],
)
def test_city_list_filters(client, partners, params, expected):
    slugs, _ = listed(client, **params)
    assert sorted(slugs) == sorted(expected) if "order" not in params else slugs == expected


def test_city_list_counts_what_it_shows(client, partners):
    assert "2 partner cities" in listed(client)[1]
    assert "1 partner city" in listed(client, continent="asia")[1]
    assert "No partner city matches" in listed(client, relationship="friendly", continent="asia")[1]


@pytest.mark.parametrize(
    "params",
    [
        {"continent": "mars"},
        {"country": "<script>"},
        {"relationship": "enemy"},
        {"order": "drop table"},
        {"continent": ["asia", "europe"]},
        {"page": "x", "unknown": "1"},
    ],
)
def test_unknown_filter_values_are_ignored_not_errors(client, partners, params):
    response = client.get("/en/cities/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_each_partner_is_a_link_on_the_diagram_named_for_screen_readers(client, partners):
    make_city(slug="shenyang", is_home=True, relationship="", latitude=41.8, longitude=123.4)
    html = client.get("/en/cities/").content.decode()
    assert '<a href="/en/cities/karachi/" aria-label="Karachi, Country PK">' in html
    assert '<a href="/en/cities/lodz/" aria-label="Lodz, Country PL">' in html


def test_the_directory_of_200_partners_lists_and_maps_each_in_few_queries(client, db):
    """Every partner is a card and a row of the diagram's table, with the queries of a
    directory of one
    (within the public page ceiling), covers and fallback names included."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_photo

    def queries(path):
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(path).content.decode()
        return len(captured), html

    make_city(
        slug="home",
        is_home=True,
        relationship="",
        name_en="Shenyang",
        latitude=41.8,
        longitude=123.4,
    )
    countries = [make_country(f"C{chr(65 + n)}") for n in range(10)]
    first = make_city(slug="p-0", country=countries[0], ordinal=1, latitude=1, longitude=2)
    make_photo(first)
    small, _ = queries("/en/cities/")
    for n in range(1, 200):
        make_city(
            slug=f"p-{n}",
            name_en="" if n == 7 else f"Partner {n}",
            name_zh_hans=f"伙伴{n}",
            original_only=n == 7,
            country=countries[n % 10],
            relationship="friendly" if n % 3 else "sister",
            ordinal=n + 1,
            latitude=n % 80,
            longitude=n - 100,
        )
    make_photo(City.objects.get(slug="p-150"))
    large, html = queries("/en/cities/")
    assert large <= small <= 6, (small, large)
    assert "200 partner cities" in html
    # Every card gives its ordinal, the home city's name read once for the page.
    assert html.count('<p class="meta">Shenyang&#x27;s ') == 200
    assert "Shenyang&#x27;s 151st sister city" in html
    assert "Shenyang&#x27;s 152nd friendly cooperative city" in html
    assert len(re.findall(r'<li class="card', html)) == 200
    assert html.count('<tr><th scope="row"><a href="/en/cities/p-') == 200
    assert html.count('class="card card-with-image"') == 2
    # A Chinese-only partner: its name marked with its language, and the card says so.
    assert '<a href="/en/cities/p-7/"><span lang="zh-hans">伙伴7</span></a>' in html
    assert '<a href="/en/cities/p-7/" lang="zh-hans">伙伴7</a>' in html
    assert "Chinese only" in html


@pytest.mark.parametrize(
    ("language", "karachi", "lodz"),
    [
        ("en", "Shenyang's 22nd sister city", "Shenyang's 3rd friendly cooperative city"),
        ("zh-hans", "沈阳第22个友好城市", "沈阳第3个友好合作城市"),
    ],
)
def test_each_card_gives_the_official_ordinal_in_the_city_page_s_words(
    client, partners, language, karachi, lodz
):
    make_city(
        slug="shenyang", is_home=True, relationship="", name_en="Shenyang", name_zh_hans="沈阳"
    )
    City.objects.filter(slug="lodz").update(ordinal=3)
    html = unescape(client.get(f"/{language}/cities/").content.decode())
    cards = dict(re.findall(rf'<h3><a href="/{language}/cities/([a-z-]+)/">(.*?)</li>', html, re.S))
    assert f'<p class="meta">{karachi}</p>' in cards["karachi"]
    assert f'<p class="meta">{lodz}</p>' in cards["lodz"]
    page = unescape(client.get(f"/{language}/cities/karachi/").content.decode())
    assert f'<span class="ordinal-badge">{karachi}</span>' in page


def test_a_card_without_an_ordinal_or_a_home_city_has_no_ordinal_line(client, partners):
    html = client.get("/en/cities/").content.decode()
    assert "22nd" not in html  # no published home city: as on the city page
    make_city(slug="shenyang", is_home=True, relationship="", name_en="", name_zh_hans="沈阳")
    html = client.get("/en/cities/").content.decode()
    # The home city's name falls back to Chinese, marked with its language.
    assert '<p class="meta"><span lang="zh-hans">沈阳</span>&#x27;s 22nd sister city</p>' in html
    assert html.count("sister city</p>") + html.count("cooperative city</p>") == 1


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "That choice is not on the list, so it is left out."),
        ("zh-hans", "此选项不在列表中，未予采用。"),
    ],
)
def test_a_dropped_filter_says_so_where_its_field_points(client, partners, language, note):
    html = client.get(f"/{language}/cities/", {"relationship": "enemy"}).content.decode()
    assert 'aria-describedby="id_relationship_error"' in html
    assert re.search(
        rf'<ul class="errorlist" id="id_relationship_error"><li>{note}</li></ul>', html
    )
    form = re.search(r'<form class="filters.*?</form>', html, re.S).group()
    assert "enemy" not in form  # the value itself is not echoed
    assert 'id="id_country_error"' not in client.get(f"/{language}/cities/").content.decode()
