"""The database itself refuses data that breaks the content rules.

These bypass forms and `clean()` on purpose: `objects.create` and `update`
reach the database directly, as a script or a bug would.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import DataError, IntegrityError, transaction

from cities.models import City, Country, Exchange
from news.models import Article
from tests.factories import make_article, make_city, make_country, make_exchange

pytestmark = pytest.mark.django_db


def refused(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        action()
    return True


def test_at_most_one_home_city():
    make_city(is_home=True, relationship="")
    assert refused(lambda: make_city(is_home=True, relationship=""))


def test_ordinal_unique_among_sister_cities():
    make_city(ordinal=22)
    assert refused(lambda: make_city(ordinal=22))


def test_ordinal_may_repeat_across_relationships_and_be_blank():
    make_city(ordinal=3, relationship="sister")
    make_city(ordinal=3, relationship="friendly")
    make_city(ordinal=None)
    make_city(ordinal=None)
    assert City.objects.count() == 4


def test_partner_needs_a_relationship_and_home_city_has_none():
    assert refused(lambda: make_city(relationship=""))
    assert refused(lambda: make_city(is_home=True, relationship="sister"))
    assert refused(lambda: make_city(is_home=True, relationship="", ordinal=1))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("population", -1),
        ("area_km2", Decimal("-0.5")),
        ("latitude", Decimal("90.5")),
        ("latitude", Decimal("-91")),
        ("longitude", Decimal("180.1")),
        ("longitude", Decimal("-181")),
    ],
)
def test_numbers_outside_their_range_are_refused(field, value):
    city = make_city()
    assert refused(lambda: City.objects.filter(pk=city.pk).update(**{field: value}))


def test_coordinates_on_the_edge_are_accepted():
    city = make_city(latitude=Decimal("-90"), longitude=Decimal("180"))
    assert city.pk


@pytest.mark.parametrize(
    ("date", "precision"),
    [(datetime.date(2018, 8, 15), "month"), (datetime.date(2018, 8, 1), "year")],
)
def test_exchange_date_must_fit_its_precision(date, precision):
    city = make_city()
    assert refused(lambda: make_exchange(city, date=date, precision=precision))


def test_exchange_dates_that_fit_are_accepted():
    city = make_city()
    make_exchange(city, date=datetime.date(2018, 8, 1), precision="month")
    make_exchange(city, date=datetime.date(2018, 1, 1), precision="year")
    make_exchange(city, date=datetime.date(2018, 8, 17), precision="day")
    assert Exchange.objects.count() == 3


def test_relationship_dates_must_fit_their_precision_and_order():
    assert refused(
        lambda: make_city(
            friendly_since=datetime.date(2018, 8, 9), friendly_since_precision="month"
        )
    )
    assert refused(
        lambda: make_city(
            friendly_since=datetime.date(2021, 1, 1), sister_since=datetime.date(2019, 1, 1)
        )
    )


def test_published_record_needs_a_publication_time():
    article = make_article()
    assert refused(lambda: Article.objects.filter(pk=article.pk).update(published_at=None))
    city = make_city()
    assert refused(lambda: City.objects.filter(pk=city.pk).update(published_at=None))


def test_publishing_without_a_time_stamps_it_now():
    article = make_article(status="published", published_at=None)
    assert article.published_at is not None


@pytest.mark.parametrize("code", ["pk", "P1", "P", "PAK"])
def test_country_iso_code_must_be_two_capitals(code):
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        Country.objects.create(iso_code=code, name_en="X", continent="asia")


def test_country_iso_code_is_unique():
    make_country("PK")
    assert refused(lambda: Country.objects.create(iso_code="PK", name_en="X", continent="asia"))


def test_slugs_are_unique():
    make_city(slug="karachi")
    assert refused(lambda: make_city(slug="karachi"))
    make_article(slug="signing")
    assert refused(lambda: make_article(slug="signing"))
