"""The directory's diagram of direction and distance from the home city: great
circles measured right, no land or borders drawn, cities too close for a
fingertip grouped, and labels that never cover each other or another's target."""

import itertools
import math
import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation

from cities.diagram import NARROWEST_PX, SIZE, Place
from cities.geodesy import ANTIPODE_KM, distance_and_bearing
from cities.labels import _overlap, _touches, label_at
from cities.map import diagram
from tests.factories import make_city, make_country

SHENYANG = (Decimal("41.80570"), Decimal("123.43150"))
KARACHI = (Decimal("24.86070"), Decimal("67.00110"))


def test_shenyang_to_karachi_along_the_great_circle():
    km, bearing = distance_and_bearing(SHENYANG, KARACHI)
    # Vincenty's formulae on the WGS-84 ellipsoid give 5,472.6 km at 268.5°;
    # the sphere is within 0.5 % of that, as the module says.
    assert km == pytest.approx(5472.6, rel=0.005)
    assert round(km) == 5464
    assert bearing == pytest.approx(268.5, abs=0.5)


@pytest.mark.parametrize(
    ("destination", "km", "bearing"),
    [
        ((0, 90), 90 * math.pi / 180 * 6371.0088, 90.0),  # a quarter of the equator, due east
        ((45, 0), 45 * math.pi / 180 * 6371.0088, 0.0),  # up the meridian, due north
        ((-30, 0), 30 * math.pi / 180 * 6371.0088, 180.0),
        ((0, -180), ANTIPODE_KM, None),  # the antipode: every direction leads there
    ],
)
def test_distances_and_bearings_from_the_equator(destination, km, bearing):
    got_km, got_bearing = distance_and_bearing((0, 0), destination)
    assert got_km == pytest.approx(km)
    if bearing is not None:
        assert got_bearing == pytest.approx(bearing)


def places(*cities):
    return [
        Place(name, "", f"/en/cities/{name.lower()}/", country, position)
        for name, country, position in cities
    ]


KOREA = [
    ("Incheon", "South Korea", (37.46, 126.71)),
    ("Seongnam", "South Korea", (37.42, 127.13)),
    ("Daejeon", "South Korea", (36.35, 127.38)),
    ("Daegu", "South Korea", (35.87, 128.60)),
]
FAR = [
    ("Karachi", "Pakistan", KARACHI),
    ("Chicago", "United States", (41.88, -87.63)),
    ("Turin", "Italy", (45.07, 7.69)),
]


def home():
    return Place("Shenyang", "", "", "", SHENYANG)


def test_cities_closer_than_a_fingertip_become_one_marker_that_counts_them():
    with translation.override("en"):
        drawn = diagram(places(*KOREA, *FAR), home())
    svg = str(drawn.svg)
    group = re.search(r'<a href="#diagram-group-1" class="group" aria-label="([^"]+)">', svg)
    assert group[1] == "4 cities: Incheon, Seongnam, Daejeon, Daegu"
    assert '<text class="count" ' in svg and ">4</text>" in svg
    # The group's cities are listed under its heading in the table, each a link.
    table = str(drawn.table)
    heading = table.index('<tr id="diagram-group-1">')
    assert '<span class="count">4</span> Incheon +3</th>' in table
    for name, _country, _position in KOREA:
        assert table.index(f'<a href="/en/cities/{name.lower()}/">{name}</a>') > heading
    # The others stand alone, each a link named for screen readers.
    for name, country, _position in FAR:
        assert f'<a href="/en/cities/{name.lower()}/" aria-label="{name}, {country}">' in svg


def test_the_table_gives_each_city_its_direction_and_distance_in_both_languages():
    with translation.override("en"):
        english = str(diagram(places(FAR[0]), home()).table)
    with translation.override("zh-hans"):
        chinese = str(diagram(places(FAR[0]), home()).table)
    assert '<td>west (268°)</td><td class="number">5,460 km</td>' in english
    assert '<td>西（268°）</td><td class="number">5,460公里</td>' in chinese


MARKER = re.compile(
    r'<a href="[^"]*"[^>]*><circle class="hit" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)">'
    r".*?</a>"
)
LABEL = re.compile(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]+)</text>')


def layout(svg):
    """[(x, y, r, label box or None)] per marker, read back from the SVG; a label's
    box as the server estimates it (`cities.labels`), at the SVG's font size."""
    size = float(re.search(r'<svg class="diagram"[^>]* font-size="([\d.]+)"', svg)[1])
    markers = []
    for found in MARKER.finditer(svg):
        x, y, r = map(float, found.groups())
        label = LABEL.search(found[0])
        box = None
        if label:
            box = label_at(unescape(label[4]), size, label[3], float(label[1]), float(label[2])).box
        markers.append((x, y, r, box))
    return markers


def assert_clear(svg):
    markers = layout(svg)
    assert markers
    for (x1, y1, r1, box1), (x2, y2, r2, box2) in itertools.permutations(markers, 2):
        assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2, "targets overlap"
        if box1:
            assert not _touches(box1, x2, y2, r2), "a label over another city's target"
            assert not (box2 and _overlap(box1, box2)), "labels overlap"
    for _x, _y, r, box in markers:
        assert 2 * r * NARROWEST_PX / SIZE >= 44, "a target under 44 px at 390 px"
        assert box is None or (box[0] >= 0 and box[1] >= 0 and box[2] <= SIZE and box[3] <= SIZE)
    return markers


CITIES = [*KOREA, *FAR, ("Sapporo", "Japan", (43.06, 141.35)),
          ("Irkutsk", "Russia", (52.29, 104.28)), ("Jinja", "Uganda", (0.44, 33.2))]  # fmt: skip


@pytest.mark.parametrize("care", [False, True])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_targets_are_a_fingertip_apart_and_labels_clear_of_everything(care, language):
    """Targets at least 44 px wide at the narrowest width and never overlapping; each
    label clear of every other label, of every other target, and inside the diagram
    (as the server estimates text; the browser test measures it as drawn)."""
    with translation.override(language):
        drawn = diagram(places(*CITIES), home(), care=care)
    markers = assert_clear(str(drawn.svg))
    assert sum(box is not None for *_xyr, box in markers) >= len(markers) - 1


def test_two_hundred_cities_keep_clear_too():
    crowded = [
        (f"City {n}", "Country", ((n * 37) % 140 - 60, (n * 71) % 360 - 180)) for n in range(200)
    ]
    with translation.override("en"):
        drawn = diagram(places(*crowded), home(), care=True)
    markers = assert_clear(str(drawn.svg))
    assert len(markers) < 60
    assert str(drawn.table).count('<tr><th scope="row">') == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_directory_draws_no_land_and_no_borders(client, language):
    make_city(slug="shenyang", is_home=True, relationship="", name_en="Shenyang",
              name_zh_hans="沈阳", latitude=SHENYANG[0], longitude=SHENYANG[1])  # fmt: skip
    make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇",
              country=make_country("PK"), latitude=KARACHI[0], longitude=KARACHI[1])  # fmt: skip
    html = client.get(f"/{language}/cities/").content.decode()
    [svg] = re.findall(r'<svg class="diagram".*?</svg>', html, re.S)
    # Circles (rings, dots, targets), straight lines (the eight directions), text and
    # links: no path, polygon or image that could outline a coast or a border.
    assert set(re.findall(r"<([a-z]+)[\s>]", svg)) == {"svg", "g", "circle", "line", "text", "a"}
    assert "<img" not in html.split('<section class="diagram-section"')[1].split("</section>")[0]
    assert "world.svg" not in html and finders.find("cities/world.svg") is None
    word = {"en": "Karachi, Country PK", "zh-hans": "卡拉奇，国家PK"}[language]
    assert f'aria-label="{word}"' in svg
    assert {"en": "2,000 km", "zh-hans": "2,000公里"}[language] in svg
    # Its name for screen readers and its compass letters in the page's language too.
    name = {"en": "Partner cities by direction and distance", "zh-hans": "友好城市的方向与距离"}
    assert f'role="group" aria-label="{name[language]}"' in svg
    compass = re.findall(r'<text[^>]*class="compass"[^>]*>([^<]+)</text>', svg)
    assert compass == {"en": ["N", "E", "S", "W"], "zh-hans": ["北", "东", "南", "西"]}[language]


@pytest.mark.django_db
def test_without_a_home_city_position_there_is_no_diagram(client):
    make_city(slug="karachi", name_en="Karachi", latitude=KARACHI[0], longitude=KARACHI[1])
    html = client.get("/en/cities/").content.decode()
    assert 'class="diagram' not in html and "Karachi" in html
