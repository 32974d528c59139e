"""An approved standard map (标准地图), uploaded on the office record, is the only
map that draws land and borders: shown with its approval number (审图号) under it,
on the directory and the contact page, and refused without the number."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.models import Office, StandardMap
from tests.admin_forms import admin_form_data
from tests.factories import make_city
from tests.images import landscape

pytestmark = pytest.mark.django_db
NUMBER = "GS(2024)0650号"
CAPTIONS = {"zh-hans": "审图号：GS(2024)0650号", "en": "Map approval number: GS(2024)0650号"}


@pytest.fixture
def office(db):
    return Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")


def upload(office, sign_in, client, number):
    sign_in("Publishers")
    url = reverse("admin:portal_office_change", args=[office.pk])
    data = admin_form_data(client.get(url))
    flat = {key: value[0] if len(value) == 1 else value for key, value in data.items()}
    flat["standard_map-TOTAL_FORMS"] = "1"
    flat["standard_map-0-image"] = SimpleUploadedFile("map.png", landscape(800, 560, "PNG"))
    flat["standard_map-0-approval_number"] = number
    flat["standard_map-0-alt_en"] = "Standard map of the world"
    flat["standard_map-0-alt_zh_hans"] = "世界标准地图"
    return client.post(url, flat)


@pytest.mark.parametrize("number", ["", "   ", "2024-0650", "GS 2024 0650"])
def test_a_standard_map_without_its_approval_number_is_refused(office, number):
    standard_map = StandardMap(office=office, approval_number=number)
    with pytest.raises(ValidationError) as error:
        standard_map.clean()
    assert "approval_number" in error.value.message_dict


@pytest.mark.parametrize(
    "number", [NUMBER, "GS京(2022)1061号", "辽S(2021)012号", "GS（2023）2767号"]
)
def test_approval_numbers_as_the_map_services_print_them_are_taken(office, number):
    StandardMap(office=office, approval_number=f" {number} ").clean()


def test_the_database_refuses_a_standard_map_without_its_number(office):
    with pytest.raises(IntegrityError), transaction.atomic():
        StandardMap.objects.create(office=office, image=ContentFile(landscape(80, 60), "m.jpg"))


def test_the_admin_form_says_the_number_is_needed_and_saves_nothing(client, office, sign_in):
    response = upload(office, sign_in, client, "")
    assert response.status_code == 200
    assert "A standard map is shown only with its approval number" in response.content.decode()
    assert not StandardMap.objects.exists()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_an_uploaded_standard_map_shows_with_its_number_under_it(client, office, sign_in, language):
    make_city(slug="shenyang", is_home=True, relationship="", latitude=41.8, longitude=123.4)
    response = upload(office, sign_in, client, NUMBER)
    assert response.status_code == 302, response.content.decode()[:2000]
    standard_map = StandardMap.objects.get()
    assert standard_map.image.name.startswith("originals/") and standard_map.rendition_widths
    visitor = Client()
    with translation.override(language):
        for path in (f"/{language}/cities/", f"/{language}/office/contact/"):
            html = visitor.get(path).content.decode()
            figure = html.split('<figure class="standard-map">')[1].split("</figure>")[0]
            assert standard_map.rendition_url(standard_map.fallback_width, "jpg") in figure
            assert figure.index("<img") < figure.index(f"{CAPTIONS[language]}</figcaption>")
    # The diagram still draws no land: the map is the office's approved image.
    assert 'class="diagram"' in visitor.get("/en/cities/").content.decode()


def test_without_a_standard_map_no_page_shows_one(client, office):
    make_city(slug="shenyang", is_home=True, relationship="", latitude=41.8, longitude=123.4)
    for path in ("/zh-hans/cities/", "/en/office/contact/"):
        html = client.get(path).content.decode()
        assert "standard-map" not in html and "审图号" not in html
