"""Who keeps a profile's figures, stages and sources: editors on the city's form
(a published city's by its publishers), translators their texts, publishers what a
published page already cites and the office's stated totals."""

import datetime

import pytest

from cities.models import Stage, StatedTotal
from tests.admin_forms import admin_form_data
from tests.factories import make_city, make_fact, make_source

pytestmark = pytest.mark.django_db


def change_form(client, city):
    url = f"/admin/cities/city/{city.pk}/change/"
    return url, client.get(url)


def test_an_editor_adds_a_stage_and_a_figure_to_a_draft_city(client, sign_in):
    sign_in("Editors")
    city = make_city(slug="draft", status="draft")
    source = make_source()
    url, page = change_form(client, city)
    assert page.status_code == 200
    form = admin_form_data(
        page,
        **{
            "stages-TOTAL_FORMS": "1",
            "stages-0-stage": "friendly",
            "stages-0-date": "2023-01-15",
            "stages-0-precision": "day",
            "stages-0-document_en": "Memorandum on friendly cooperation",
            "stages-0-document_zh_hans": "友好合作关系备忘录",
            "facts-TOTAL_FORMS": "1",
            "facts-0-figure": "population",
            "facts-0-number": "1200000",
            "facts-0-as_of_precision": "year",
            "facts-0-date_precision": "day",
            "facts-0-is_public": "on",
            "facts-0-sources": str(source.pk),
        },
    )
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    stage = Stage.objects.get(city=city)
    assert (stage.stage, stage.date) == ("friendly", datetime.date(2023, 1, 15))
    assert stage.document_zh_hans == "友好合作关系备忘录"
    assert city.facts.get().number == 1_200_000


def test_a_published_city_s_stages_stay_with_its_publishers(client, sign_in):
    sign_in("Editors")
    city = make_city(slug="published")
    Stage.objects.create(city=city, stage="sister", date=datetime.date(2016, 5, 1))
    page = change_form(client, city)[1].content.decode()
    # Shown, not editable: no field of the stage's, no empty form to add one.
    assert "stages-0-date" not in page and 'name="stages-TOTAL_FORMS"' in page
    assert "2016" in page


def test_a_translator_translates_a_stage_s_texts_and_nothing_else(client, sign_in):
    sign_in("Translators")
    city = make_city(slug="draft", status="draft")
    stage = Stage.objects.create(
        city=city, stage="sister", date=datetime.date(2016, 5, 1), document_zh_hans="友好城市协议书"
    )
    url, page = change_form(client, city)
    form = admin_form_data(
        page,
        **{"stages-0-document_en": "Sister city agreement", "stages-0-date": "1999-01-01"},
    )
    assert "stages-0-date" not in page.content.decode()  # read-only for them
    assert 'name="stages-0-document_en"' in page.content.decode()
    response = client.post(url, form)
    assert response.status_code in (200, 302)
    stage.refresh_from_db()
    assert stage.document_en == "Sister city agreement"
    assert stage.date == datetime.date(2016, 5, 1)
    # Adding or removing a stage is not theirs.
    (stages,) = [f for f in page.context["inline_admin_formsets"] if f.opts.model is Stage]
    assert not stages.has_add_permission and not stages.has_delete_permission


def test_a_source_cited_on_a_published_page_changes_by_publishers_only(client, sign_in):
    cited, spare = make_source(title_en="Cited"), make_source(title_en="Spare")
    make_fact(make_city(), "population", 600_000, [cited], is_public=True)
    sign_in("Editors")
    assert client.get(f"/admin/cities/source/{spare.pk}/change/").context["has_change_permission"]
    page = client.get(f"/admin/cities/source/{cited.pk}/change/")
    assert page.status_code == 200 and not page.context["has_change_permission"]
    form = admin_form_data(page, title_en="Changed")
    client.post(f"/admin/cities/source/{cited.pk}/change/", form)
    cited.refresh_from_db()
    assert cited.title_en == "Cited"


def test_a_publisher_changes_a_cited_source_and_keeps_the_stated_totals(client, sign_in):
    cited = make_source(title_en="Cited")
    make_fact(make_city(), "population", 600_000, [cited], is_public=True)
    sign_in("Publishers")
    page = client.get(f"/admin/cities/source/{cited.pk}/change/")
    assert page.context["has_change_permission"]
    assert client.get("/admin/cities/statedtotal/add/").status_code == 200


def test_stated_totals_are_the_publishers(client, sign_in):
    source = make_source()
    total = StatedTotal.objects.create(
        sister_cities=23,
        friendly_cities=77,
        countries=43,
        as_of=datetime.date(2022, 10, 17),
        source=source,
    )
    sign_in("Editors")
    assert client.get("/admin/cities/statedtotal/add/").status_code == 403
    page = client.get(f"/admin/cities/statedtotal/{total.pk}/change/")
    assert page.status_code == 200 and not page.context["has_change_permission"]


def test_a_translator_translates_a_draft_city_s_stages_in_the_workbench(client, sign_in):
    sign_in("Translators")
    city = make_city(slug="draft", status="draft", original_language="zh-hans")
    stage = Stage.objects.create(
        city=city, stage="sister", date=datetime.date(2016, 5, 1), document_zh_hans="友好城市协议书"
    )
    page = client.get(f"/admin/translate/cities.city/{city.pk}/en/").content.decode()
    name = f'name="cities.stage-{stage.pk}-document_en"'
    assert name in page
    field = page.split(name)[0].rsplit("<", 1)[1] + page.split(name)[1].split(">", 1)[0]
    assert "disabled" not in field
