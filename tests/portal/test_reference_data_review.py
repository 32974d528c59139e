"""A country's or category's names print on published pages at once, so a change by
someone who may not publish waits for a publisher, like a published record's."""

import pytest
from django.contrib.auth.models import Group

from cities.models import Country
from news.models import Category
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_category, make_city, make_country
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db


def post_change(client, record, **changes):
    opts = record._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/change/"
    return client.post(url, admin_form_data(client.get(url), **changes))


@pytest.mark.parametrize("role", ["Editors", "Translators"])
@pytest.mark.parametrize(
    ("make", "field"),
    [(lambda: make_country("PK", name_en="Pakistan"), "name_en"), (make_category, "name_en")],
)
def test_a_non_publishers_change_waits_and_pages_keep_the_old_name(
    client, sign_in, role, make, field
):
    record = make()
    make_city(slug="karachi", country=make_country("PK"))
    sign_in(role)
    response = post_change(client, record, **{field: "Renamed"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) != "Renamed"
    assert PendingChange.objects.get().values == {field: "Renamed"}
    assert "Renamed" not in client.get("/en/cities/").content.decode()


def test_a_publisher_changes_a_country_directly_and_applies_a_waiting_change(
    client, sign_in, django_user_model
):
    country = make_country("PK", name_en="Pakistan")
    sign_in("Translators")
    post_change(client, country, name_en="Islamic Republic of Pakistan")
    change = PendingChange.objects.get()

    publisher = django_user_model.objects.create_user("boss", password="pw", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    sign_in_fully(client, publisher)
    url = f"/admin/cities/country/{country.pk}/pending/{change.pk}/apply/"
    assert client.post(url).status_code == 302
    assert Country.objects.get(pk=country.pk).name_en == "Islamic Republic of Pakistan"

    assert post_change(client, country, name_en="Pakistan").status_code == 302
    assert Country.objects.get(pk=country.pk).name_en == "Pakistan"
    assert not PendingChange.objects.exists()


def test_editors_still_create_categories_directly(client, sign_in):
    sign_in("Editors")
    page = client.get("/admin/news/category/add/")
    data = admin_form_data(page, name_zh_hans="会议", name_en="Meetings", slug="meetings")
    assert client.post("/admin/news/category/add/", data).status_code == 302
    assert Category.objects.filter(slug="meetings").exists()
