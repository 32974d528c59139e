import re
from decimal import Decimal
from html import unescape

import pytest

from cities.map import project
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


def test_map_points_are_links_with_accessible_names_placed_by_coordinates(client, partners):
    html = client.get("/en/cities/").content.decode()
    x, y = project(Decimal("24.86"), Decimal("67.01"))
    assert re.search(
        rf'<a href="/en/cities/karachi/"[^>]*aria-label="Karachi, Country PK">\s*'
        rf'<circle class="hit" cx="{x}" cy="{y}"',
        html,
    )
    assert "/static/cities/world.svg" in html


def test_projection_puts_the_world_in_the_frame():
    assert project(84, -180) == (0.0, 0.0)
    assert project(-60, 180) == (1000.0, 400.0)
    assert project(0, 0) == (500.0, round(84 / 144 * 400, 1))


def test_a_crowded_map_names_cities_on_hover_and_focus_only(client, db):
    for n in range(13):
        make_city(slug=f"c-{n}", latitude=Decimal(n), longitude=Decimal(n))
    assert 'class="map map-crowded"' in client.get("/en/cities/").content.decode()


def test_a_few_cities_are_named_on_the_map(client, partners):
    assert 'class="map"' in client.get("/en/cities/").content.decode()
