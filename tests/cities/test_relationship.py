"""The relationship as stages: the current stage is what the directory filters by; the
path reads as a line above the exchanges; record counts apart from stated totals."""

import datetime

import pytest
from pytest_django.asserts import assertContains

from cities.models import City, Stage, StatedTotal
from tests.factories import make_city, make_country, make_exchange, make_source

pytestmark = pytest.mark.django_db


def add_stage(city, stage, date=None, precision="day", **fields):
    record = Stage.objects.create(city=city, stage=stage, date=date, precision=precision, **fields)
    city.apply_stages()
    city.save()
    return record


def test_the_latest_stage_is_the_relationship_the_directory_filters_by(client):
    city = make_city(slug="lodz", name_en="Lodz", relationship="friendly")
    add_stage(city, "friendly", datetime.date(2010, 1, 1), "year")
    add_stage(city, "ended", datetime.date(2024, 5, 1), "month")
    city.refresh_from_db()
    assert city.relationship == "ended"
    assert city.friendly_since == datetime.date(2010, 1, 1)
    assert "lodz" in client.get("/en/cities/?relationship=ended").content.decode()
    assert "lodz" not in client.get("/en/cities/?relationship=friendly").content.decode()


def test_karachi_path_reads_in_order_above_the_exchanges(client):
    karachi = make_city(slug="karachi", name_en="Karachi", relationship="sister")
    signing = make_exchange(karachi, date=datetime.date(2021, 12, 9), kind="agreement")
    add_stage(karachi, "friendly", datetime.date(2018, 8, 1), "month")
    add_stage(karachi, "intent", datetime.date(2018, 8, 1), "month", document_en="Letter")
    add_stage(karachi, "sister", datetime.date(2021, 12, 9), exchange=signing)
    page = client.get("/en/cities/karachi/")
    html = page.content.decode()
    path = html[html.index('class="stage-path"') : html.index("</ol>", html.index("stage-path"))]
    names = ["Letter of intent", "Friendly cooperative city", "Sister city"]
    assert [path.index(name) for name in names] == sorted(path.index(name) for name in names)
    assert path.count("August 2018") == 2 and "9 December 2021" in path
    assert f'href="#exchange-{signing.pk}"' in path
    assert html.index("stage-path") < html.index('class="timeline"')
    zh = client.get("/zh-hans/cities/karachi/")
    assertContains(zh, "签署意向书")
    assertContains(zh, '<time datetime="2021-12-09">2021年12月9日</time>', html=True)


def test_record_counts_are_not_mixed_with_stated_totals(client):
    japan, germany = make_country("JP"), make_country("DE")
    for n in range(3):
        make_city(relationship="sister", country=japan if n else germany)
    make_city(relationship="friendly", country=japan)
    make_city(relationship="sister", country=germany, status="draft")
    StatedTotal.objects.create(
        sister_cities=23,
        friendly_cities=78,
        as_of=datetime.date(2023, 2, 16),
        source=make_source(publisher_en="People's Government of Shenyang Municipality"),
    )
    page = client.get("/en/cities/")
    assertContains(
        page,
        "<strong>4 partner cities on record, in 2 countries: 3 sister cities and 1 friendly "
        "cooperative city</strong>",
        html=True,
    )
    assertContains(page, "as of 16 February 2023: 23 sister cities and 78 friendly")
    assertContains(page, "People&#x27;s Government of Shenyang Municipality")
    zh = client.get("/zh-hans/cities/")
    assertContains(zh, "本站记录4个友城，分布在2个国家：友好城市3个、友好合作城市1个")
    assertContains(zh, "截至2023年2月16日")


def test_no_stated_total_no_line(client):
    make_city()
    assert "stated-total" not in client.get("/en/cities/").content.decode()
    assert City.objects.count() == 1
