"""Publication needs alt text in both languages for every picture, and the roles: an
editor uploads, a translator describes, a publisher is held to the alt text."""

import pytest

from cities.models import CityPhoto
from tests.admin_forms import admin_form_data
from tests.factories import make_city
from tests.images import (
    landscape,
    upload,
)
from tests.portal.city_photos import city_change, post_photo

pytestmark = pytest.mark.django_db


def test_publication_is_refused_until_every_picture_has_alt_text_in_both_languages(
    english_admin, media_dirs
):
    city = make_city(slug="lodz", name_en="Lodz", status="draft")
    response = post_photo(english_admin, city, upload(landscape()), alt_en="")
    assert response.status_code == 302, "a draft may wait for its alt text"
    url = city_change(english_admin, city)
    data = admin_form_data(english_admin.get(url), status="published")
    response = english_admin.post(url, data)
    assert response.status_code == 200
    errors = [inline.formset.errors for inline in response.context["inline_admin_formsets"]]
    assert {
        "alt_en": [
            "Publication needs alt text in English: describe what the picture shows for "
            "visitors who cannot see it."
        ]
    } in errors[0]
    city.refresh_from_db()
    assert city.status == "draft"
    data["photos-0-alt_en"] = ["The old town"]
    assert english_admin.post(url, data).status_code == 302
    city.refresh_from_db()
    assert city.status == "published"


def test_an_editor_uploads_and_a_translator_describes_and_a_publisher_is_held_to_alt_text(
    client, sign_in, media_dirs
):
    city = make_city(slug="lodz", name_en="Lodz", status="draft")
    sign_in("Editors")
    assert post_photo(client, city, upload(landscape()), alt_en="").status_code == 302
    photo = CityPhoto.objects.get()

    sign_in("Translators")
    url = city_change(client, city)
    page = client.get(url)
    assert "photos-0-alt_en" in page.content.decode()
    assert 'name="photos-0-image"' not in page.content.decode(), "the picture is read-only"
    assert "photos-TOTAL_FORMS" in page.content.decode()
    data = admin_form_data(page, **{"photos-0-alt_en": "The old town"})
    assert client.post(url, data).status_code == 302
    photo.refresh_from_db()
    assert photo.alt_en == "The old town"

    CityPhoto.objects.filter(pk=photo.pk).update(alt_en="")
    sign_in("Publishers")
    data = admin_form_data(client.get(url), status="published")
    response = client.post(url, data)
    assert response.status_code == 200 and "Publication needs alt text in English" in (
        response.content.decode()
    )
    city.refresh_from_db()
    assert city.status == "draft"
