"""Bad values typed into the admin get a message on their field, never a 500."""

import pytest
from django.urls import reverse

from cities.models import City, Exchange
from tests.factories import make_city, make_country

pytestmark = pytest.mark.django_db

ADD_CITY = reverse("admin:cities_city_add")
NO_INLINES = {
    f"{prefix}-{name}": value
    for prefix in ("photos", "stages", "facts", "exchanges")
    for name, value in (
        ("TOTAL_FORMS", "0"),
        ("INITIAL_FORMS", "0"),
        ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    )
}


def city_form(**changes):
    """A complete, valid add-city form, with `changes` applied."""
    data = {
        "name_zh_hans": "卡拉奇",
        "name_en": "Karachi",
        "slug": "karachi",
        "country": make_country("PK").pk,
        "relationship": "sister",
        "friendly_since": "2018-08-01",
        "friendly_since_precision": "month",
        "sister_since": "2021-12-09",
        "sister_since_precision": "day",
        "ordinal": "22",
        "population": "20000000",
        "area_km2": "3527",
        "latitude": "24.8607",
        "longitude": "67.0011",
        "status": "draft",
        "original_language": "en",
        **NO_INLINES,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def field_errors(response):
    assert response.status_code == 200, "a refused form is shown again, not a server error"
    form = response.context["adminform"].form
    errors = {name: list(messages) for name, messages in form.errors.items()}
    for inline in response.context["inline_admin_formsets"]:
        for index, inline_errors in enumerate(inline.formset.errors):
            for name, messages in inline_errors.items():
                errors[f"{inline.formset.prefix}-{index}-{name}"] = list(messages)
    return errors


def test_a_valid_city_is_saved(admin_client):
    response = admin_client.post(ADD_CITY, city_form())
    assert response.status_code == 302
    karachi = City.objects.get(slug="karachi")
    assert karachi.name_en == "Karachi" and karachi.name_zh_hans == "卡拉奇"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("latitude", "91"),
        ("latitude", "-90.5"),
        ("longitude", "181"),
        ("longitude", "north"),
        ("population", "-5"),
        ("population", "1" + "0" * 30),
        ("population", "about twenty million"),
        ("area_km2", "-1"),
        ("area_km2", "1e400"),
        ("ordinal", "0"),
        ("ordinal", "99999999"),
        ("friendly_since", "2018-08-15"),
        ("friendly_since", "August 2018"),
        ("friendly_since", "2018-02-30"),
        ("sister_since", "2017-01-01"),
        ("slug", "卡拉奇"),
        ("slug", "kara chi"),
        ("slug", "../../etc/passwd"),
        ("relationship", "enemy"),
        ("relationship", ""),
        ("country", "999999"),
        ("status", "live"),
        ("name_en", ""),
        ("name_en", "x" * 500),
    ],
)
def test_bad_value_gets_a_message_on_its_field(admin_client, field, value):
    response = admin_client.post(ADD_CITY, city_form(**{field: value}))
    assert field in field_errors(response)
    assert not City.objects.exists(), "nothing is stored from a refused form"


def test_original_language_decides_which_name_is_required(admin_client):
    response = admin_client.post(
        ADD_CITY, city_form(original_language="zh-hans", name_zh_hans="", name_en="Karachi")
    )
    assert "name_zh_hans" in field_errors(response)
    response = admin_client.post(ADD_CITY, city_form(original_language="en", name_zh_hans=""))
    assert response.status_code == 302, "the translation may follow later"


def test_second_home_city_is_refused_on_the_field(admin_client):
    make_city(is_home=True, relationship="", slug="shenyang", name_zh_hans="沈阳")
    form = city_form(is_home="on", relationship="", ordinal="")
    assert "沈阳" in field_errors(admin_client.post(ADD_CITY, form))["is_home"][0]


def test_home_city_with_a_relationship_is_refused(admin_client):
    errors = field_errors(admin_client.post(ADD_CITY, city_form(is_home="on")))
    assert "relationship" in errors and "ordinal" in errors


def test_taken_ordinal_is_refused_with_the_city_that_has_it(admin_client):
    make_city(ordinal=22, name_en="Lodz", name_zh_hans="罗兹")
    admin_client.cookies["django_language"] = "en"
    errors = field_errors(admin_client.post(ADD_CITY, city_form()))
    assert errors["ordinal"] == ["Lodz already has this ordinal."]


def test_duplicate_slug_is_refused(admin_client):
    make_city(slug="karachi")
    assert "slug" in field_errors(admin_client.post(ADD_CITY, city_form()))


def test_exchange_with_a_date_that_does_not_fit_its_precision_is_refused_inline(admin_client):
    data = city_form(
        **{
            "exchanges-TOTAL_FORMS": "1",
            "exchanges-0-date": "2018-08-15",
            "exchanges-0-precision": "month",
            "exchanges-0-kind": "visit",
            "exchanges-0-title_en": "Visit",
            "exchanges-0-original_language": "en",
        }
    )
    admin_client.cookies["django_language"] = "en"
    errors = field_errors(admin_client.post(ADD_CITY, data))
    assert errors["exchanges-0-date"] == [
        "A date known to the month is entered as the 1st of that month."
    ]
    assert not Exchange.objects.exists() and not City.objects.exists()


def test_messages_are_in_the_staff_members_language(admin_client):
    admin_client.cookies["django_language"] = "zh-hans"
    errors = field_errors(admin_client.post(ADD_CITY, city_form(friendly_since="2018-08-15")))
    assert errors["friendly_since"] == ["精确到月的日期，请填写该月1日。"]


def test_bad_ids_in_admin_urls_are_not_found_not_errors(admin_client):
    for path in (
        "/admin/cities/city/abc/change/",
        "/admin/cities/city/99999999999999999999/change/",
    ):
        response = admin_client.get(path)
        assert response.status_code in (302, 404)
