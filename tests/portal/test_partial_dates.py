"""A partial date decides both how it reads and its `<time datetime>`, on every page."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from portal.formatting.dates import PartialDate
from tests.factories import make_city, make_exchange


@pytest.mark.parametrize(
    ("precision", "machine", "english", "chinese"),
    [
        ("year", "2018", "2018", "2018年"),
        ("month", "2018-08", "August 2018", "2018年8月"),
        ("day", "2018-08-01", "1 August 2018", "2018年8月1日"),
    ],
)
def test_a_partial_date_reads_and_machine_reads_at_its_precision(
    precision, machine, english, chinese
):
    when = PartialDate(datetime.date(2018, 8, 1), precision)
    assert when.machine == machine
    assert (when.text("en"), when.text("zh-hans")) == (english, chinese)


def test_an_unknown_date_is_empty():
    assert not PartialDate(None, "day") and PartialDate(None, "day").machine == ""


@pytest.fixture
def karachi(db):
    city = make_city(
        slug="karachi",
        friendly_since=datetime.date(2018, 8, 1),
        friendly_since_precision="month",
        sister_since=datetime.date(2021, 12, 9),
        sister_since_precision="day",
    )
    make_exchange(city, date=datetime.date(2018, 8, 1), precision="month")
    return city


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/", "August 2018"),
        ("/zh-hans/", "2018年8月"),
        ("/en/cities/karachi/", "August 2018"),
        ("/zh-hans/cities/karachi/", "2018年8月"),
    ],
)
def test_pages_mark_a_month_as_a_month(client, karachi, path, text):
    response = client.get(path)
    assertContains(response, f'<time datetime="2018-08">{text}</time>', html=True)
    assertNotContains(response, 'datetime="2018-08-01"')


def test_the_fact_box_marks_a_day_as_a_day(client, karachi):
    response = client.get("/en/cities/karachi/")
    assertContains(response, '<time datetime="2021-12-09">9 December 2021</time>', html=True)
