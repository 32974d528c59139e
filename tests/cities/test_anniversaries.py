"""Round anniversaries: computed per stage, listed for staff 120 days ahead (across a
year boundary), a "this month" strip on the home page, and an iCalendar feed."""

import datetime

import pytest
import time_machine
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from cities.anniversaries import anniversaries_of, is_round, upcoming
from cities.models import Stage
from tests.factories import make_city

pytestmark = pytest.mark.django_db
TZ = datetime.timezone(datetime.timedelta(hours=8))


def at(*args):
    return time_machine.travel(datetime.datetime(*args, 12, 0, tzinfo=TZ), tick=False)


# The partners are published on this day, before any day a test moves the clock to,
# whatever today's date is.
PUBLISHED = (2026, 9, 1)


@pytest.fixture
def partners(db):
    with at(*PUBLISHED):
        return _partners()


def _partners():
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    Stage.objects.create(
        city=karachi, stage="intent", date=datetime.date(2018, 8, 1), precision="month"
    )
    Stage.objects.create(
        city=karachi, stage="friendly", date=datetime.date(2018, 8, 1), precision="month"
    )
    Stage.objects.create(city=karachi, stage="sister", date=datetime.date(2021, 12, 9))
    braga = make_city(slug="braga", name_en="Braga", name_zh_hans="布拉加")
    Stage.objects.create(city=braga, stage="sister", date=datetime.date(2017, 1, 15))
    hamamatsu = make_city(slug="hamamatsu", name_en="Hamamatsu")
    Stage.objects.create(
        city=hamamatsu, stage="sister", date=datetime.date(2010, 1, 1), precision="year"
    )
    hidden = make_city(slug="hidden", status="draft")
    Stage.objects.create(city=hidden, stage="sister", date=datetime.date(2016, 12, 1))
    return karachi


def test_round_years():
    assert [n for n in range(0, 31) if is_round(n)] == [1, 5, 10, 15, 20, 25, 30]


def test_staff_list_reads_as_a_sentence(partners, settings):
    settings.LANGUAGE_CODE = "en"
    from django.utils import translation

    with translation.override("en"):
        found = upcoming(datetime.date(2026, 11, 29))
        assert [a.text() for a in found] == [
            "Karachi: 5 years as a sister city, 9 December 2026",
            "Braga: 10 years as a sister city, 15 January 2027",
        ]
    with translation.override("zh-hans"):
        assert found[0].text() == "卡拉奇：结为友好城市5周年，2026年12月9日"


def test_the_window_crosses_the_year_boundary(partners):
    with at(2026, 12, 20):
        found = upcoming(datetime.date.today())
    assert [(a.city.slug, a.years, a.day) for a in found] == [
        ("braga", 10, datetime.date(2027, 1, 15))
    ]
    with at(2027, 4, 20):  # 120 days on: Karachi's friendly and intent stages, 9 years: none
        assert upcoming(datetime.date.today()) == []


def test_month_and_year_known_stages_count_when_their_period_meets_the_range(partners):
    stages = list(Stage.objects.select_related("city"))
    found = anniversaries_of(stages, datetime.date(2023, 8, 31), datetime.date(2023, 9, 5))
    assert sorted((a.stage.stage, a.years, a.when.machine) for a in found) == [
        ("friendly", 5, "2023-08"),
        ("intent", 5, "2023-08"),
    ]
    late = anniversaries_of(stages, datetime.date(2020, 12, 31), datetime.date(2021, 1, 1))
    assert [(a.city.slug, a.years, a.day, a.last_day) for a in late] == [
        ("hamamatsu", 10, datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    ]


@pytest.fixture
def imprecise(partners):
    """Anniversaries in January 2027 known to the month, and in 2027 known to the year."""
    with at(*PUBLISHED):
        _imprecise()
    return partners


def _imprecise():
    oulu = make_city(slug="oulu", name_en="Oulu", name_zh_hans="奥卢")
    Stage.objects.create(
        city=oulu, stage="sister", date=datetime.date(2022, 1, 1), precision="month"
    )
    turku = make_city(slug="turku", name_en="Turku", name_zh_hans="图尔库")
    Stage.objects.create(
        city=turku, stage="sister", date=datetime.date(2022, 1, 1), precision="year"
    )


def test_staff_list_holds_month_and_year_known_anniversaries_across_the_year_boundary(imprecise):
    from django.utils import translation

    with at(2026, 12, 20), translation.override("en"):
        texts = [a.text() for a in upcoming(datetime.date.today())]
    assert texts == [
        "Oulu: 5 years as a sister city, in January 2027",
        "Turku: 5 years as a sister city, in 2027",
        "Braga: 10 years as a sister city, 15 January 2027",
    ]
    with at(2027, 1, 31), translation.override("zh-hans"):
        texts = [a.text() for a in upcoming(datetime.date.today())]
    assert texts[:2] == [
        "奥卢：结为友好城市5周年，2027年1月（具体日期不详）",
        "图尔库：结为友好城市5周年，2027年（具体日期不详）",
    ]
    with at(2027, 2, 1):  # January is over; the year is not
        slugs = [a.city.slug for a in upcoming(datetime.date.today())]
    assert slugs == ["turku"]


def test_the_home_strip_holds_the_month_known_but_no_year_known_anniversary(
    client, imprecise, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    with at(2027, 1, 5):
        page = client.get("/en/")
    assertContains(
        page,
        '<a href="/en/cities/oulu/">Oulu</a>: 5 years as a sister city, '
        '<time datetime="2027-01">January 2027</time>',
        html=True,
    )
    assertContains(page, "15 January 2027")
    strip = page.content.decode().split('class="anniversary-strip"')[1].split("</section>")[0]
    assert "Turku" not in strip
    with at(2026, 12, 20):
        assertNotContains(client.get("/en/"), "Oulu</a>: 5 years")


def test_staff_front_page_lists_the_next_120_days(admin_client, partners):
    admin_client.cookies["django_language"] = "en"
    with at(2026, 11, 29):
        page = admin_client.get("/admin/")
    assertContains(page, "Anniversaries in the next 120 days")
    assertContains(page, "Karachi: 5 years as a sister city, 9 December 2026")
    assertNotContains(page, "Hidden")
    admin_client.cookies["django_language"] = "zh-hans"
    with at(2026, 11, 29):
        assertContains(admin_client.get("/admin/"), "卡拉奇：结为友好城市5周年，2026年12月9日")


def test_home_page_strip_this_month_and_nothing_when_none(client, partners, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with at(2026, 12, 1):
        page = client.get("/en/")
    assertContains(page, '<h2 id="anniversaries-heading">Anniversaries this month</h2>', html=True)
    assertContains(
        page, '5 years as a sister city, <time datetime="2026-12-09">9 December 2026</time>'
    )
    with at(2026, 12, 1):
        assertContains(client.get("/zh-hans/"), "本月纪念日")
    with at(2026, 10, 1):
        assertNotContains(client.get("/en/"), "anniversaries-heading")


@pytest.mark.parametrize(
    ("language", "summary"),
    [("en", "Karachi: 5 years as a sister city"), ("zh-hans", "卡拉奇：结为友好城市5周年")],
)
def test_the_ics_feed_parses_and_holds_karachi_on_9_december(client, partners, language, summary):
    with at(2026, 11, 29):
        response = client.get(f"/{language}/cities/anniversaries.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    feed = Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in feed.walk("VEVENT")}
    assert events[summary]["dtstart"].dt == datetime.date(2026, 12, 9)
    assert str(events[summary]["url"]).endswith(f"/{language}/cities/karachi/")
    # Five years ahead: Braga's 15th (2032-01-15) and Karachi's 10th (2031-12-09) are not.
    starts = [event["dtstart"].dt for event in feed.walk("VEVENT")]
    assert datetime.date(2027, 1, 15) in starts
    assert max(starts) <= datetime.date(2031, 11, 29)
    assert not any("hidden" in str(event.get("url")) for event in feed.walk("VEVENT"))


def test_event_uids_do_not_change_with_the_host(client, partners, settings):
    settings.ALLOWED_HOSTS = ["portal.example", "127.0.0.1", "testserver"]
    uids = []
    for host in ("portal.example", "127.0.0.1:8601"):
        with at(2026, 11, 29):
            response = client.get("/en/cities/anniversaries.ics", HTTP_HOST=host)
        events = Calendar.from_ical(response.content).walk("VEVENT")
        assert events and not any(host in str(event["uid"]) for event in events)
        uids.append(sorted(str(event["uid"]) for event in events))
    assert uids[0] == uids[1] and len(set(uids[0])) == len(uids[0])


@pytest.mark.parametrize("page", ["/en/cities/", "/zh-hans/cities/karachi/"])
def test_the_feed_is_offered_where_the_cities_are(client, partners, page):
    language = page.split("/")[1]
    assertContains(client.get(page), f'href="/{language}/cities/anniversaries.ics"')


def feed_at(client, language, *when):
    with at(*when):
        response = client.get(f"/{language}/cities/anniversaries.ics")
    assert response.status_code == 200
    return {
        str(event["summary"]): event
        for event in Calendar.from_ical(response.content).walk("VEVENT")
    }


@pytest.mark.parametrize(
    ("language", "month_known", "year_known", "note"),
    [
        (
            "en",
            "Oulu: 5 years as a sister city, in January 2027",
            "Turku: 5 years as a sister city, in 2027",
            "known to the month only",
        ),
        (
            "zh-hans",
            "奥卢：结为友好城市5周年，2027年1月（具体日期不详）",
            "图尔库：结为友好城市5周年，2027年（具体日期不详）",
            "仅知月份",
        ),
    ],
)
def test_the_ics_feed_holds_month_and_year_known_anniversaries_on_their_first_day(
    client, imprecise, language, month_known, year_known, note
):
    events = feed_at(client, language, 2026, 12, 20)  # across the year boundary
    oulu, turku = events[month_known], events[year_known]
    assert (oulu["dtstart"].dt, oulu["dtend"].dt) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 1, 2),
    )
    assert note in str(oulu["description"])
    assert turku["dtstart"].dt == datetime.date(2027, 1, 1)
    day_known = [
        event for summary, event in events.items() if summary.startswith(("Braga", "布拉加"))
    ]
    assert day_known[0]["dtstart"].dt == datetime.date(2027, 1, 15)
    assert "DESCRIPTION" not in day_known[0]


def test_the_ics_feed_holds_karachi_s_august_2018_stages_ten_years_on(client, imprecise):
    events = feed_at(client, "en", 2026, 12, 20)
    for what in ("friendly cooperative city", "since the letter of intent"):
        summary = next(s for s in events if s.startswith("Karachi: 10 years") and what in s)
        assert summary.endswith(", in August 2028")
        assert events[summary]["dtstart"].dt == datetime.date(2028, 8, 1)


def test_the_ics_feed_keeps_this_month_s_month_known_anniversary_after_its_1st(client, imprecise):
    events = feed_at(client, "en", 2027, 1, 20)
    assert events["Oulu: 5 years as a sister city, in January 2027"]["dtstart"].dt == datetime.date(
        2027, 1, 1
    )
    assert "Turku: 5 years as a sister city, in 2027" in events
    assert not any("Oulu: 5 years" in summary for summary in feed_at(client, "en", 2027, 2, 1))
