"""The city and exchange lists in the admin show what staff need, as written."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import make_city, make_country, make_exchange

pytestmark = pytest.mark.django_db


def test_city_list_shows_the_columns_staff_need(admin_client):
    make_city(
        name_en="Karachi",
        country=make_country("PK", name_en="Pakistan"),
        relationship="sister",
        ordinal=22,
        friendly_since=datetime.date(2018, 8, 1),
        friendly_since_precision="month",
    )
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get(reverse("admin:cities_city_changelist"))
    for text in ("Karachi", "Pakistan", "Sister city", "22", "August 2018", "Published"):
        assertContains(page, text, html=True)
    # The translation state right after the name: in view even when the list is wider
    # than the window.
    columns = [column for column in page.context["cl"].list_display if column != "action_checkbox"]
    assert columns[:2] == ["name", "translation_state"]


def test_exchange_list_prints_dates_as_written(admin_client):
    city = make_city()
    make_exchange(city, date=datetime.date(2018, 8, 1), precision="month")
    make_exchange(city, date=datetime.date(2019, 3, 28), precision="day")
    admin_client.cookies["django_language"] = "zh-hans"
    page = admin_client.get(reverse("admin:cities_exchange_changelist"))
    assertContains(page, "2018年8月", html=True)
    assertContains(page, "2019年3月28日", html=True)
