"""Bulk import and export of every stage of the relationship: first contact, letter of
intent, friendly cooperative city, sister city, suspended or ended, each with its date
as it is known; a round trip changes nothing and a bad row says what is wrong. The
stages' documents and signatories: `test_transfer_stage_texts`."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from import_export.formats.base_formats import CSV, XLSX

from cities.models import City, Stage
from cities.transfer import CityResource
from tests.cities.stage_rows import import_rows, row_errors, rows, stages_of

pytestmark = pytest.mark.django_db


def test_every_stage_is_exported_with_its_date_as_known(staged_partners):
    found = rows()
    karachi, ended = found["karachi"], found["ended"]
    assert [karachi[c] for c in ("contact_on", "intent_on", "friendly_since", "sister_since")] == [
        "",
        "2018-08",
        "2018-08",
        "2021-12-09",
    ]
    assert [ended[c] for c in ("contact_on", "friendly_since", "ended_on", "relationship")] == [
        "1979",
        "1985-06",
        "2015-03",
        "ended",
    ]
    assert found["draft"]["contact_on"] == ""


@pytest.mark.parametrize("file_format", [CSV(), XLSX()], ids=["csv", "xlsx"])
def test_every_stage_round_trips_unchanged(staged_partners, superuser, file_format):
    before = {slug: stages_of(slug) for slug in ("karachi", "ended", "draft")}
    dataset = file_format.create_dataset(file_format.export_data(CityResource().export()))
    result = CityResource().import_data(dataset, dry_run=False, user=superuser)
    assert not result.has_errors() and not result.has_validation_errors()
    assert {k: v for k, v in result.totals.items() if v} == {"skip": 3}
    assert {slug: stages_of(slug) for slug in before} == before


def test_an_import_writes_each_stage_with_its_precision(staged_partners, superuser):
    result = import_rows(
        {
            "karachi": {"contact_on": "2016", "intent_on": "2018-08-20"},
            "draft": {"contact_on": "2020-05", "friendly_since": "2022-10-01"},
        },
        superuser,
    )
    assert not result.has_validation_errors()
    assert {k: v for k, v in result.totals.items() if v} == {"update": 2, "skip": 1}
    assert stages_of("karachi") == {
        "intent": "2018-08-20",
        "friendly": "2018-08",
        "sister": "2021-12-09",
        "contact": "2016",
    }
    assert stages_of("draft") == {"contact": "2020-05", "friendly": "2022-10-01"}


def test_ending_a_partnership_takes_the_ended_stage_and_relationship(staged_partners, superuser):
    result = import_rows({"karachi": {"ended_on": "2026-03", "relationship": "ended"}}, superuser)
    assert not result.has_validation_errors()
    assert stages_of("karachi")["ended"] == "2026-03"
    assert City.objects.get(slug="karachi").relationship == "ended"


def test_a_blank_stage_date_leaves_the_stage_undated(staged_partners, superuser):
    import_rows({"ended": {"contact_on": ""}}, superuser)
    assert Stage.objects.get(city__slug="ended", stage="contact").date is None


def test_bad_stage_rows_are_reported_and_nothing_is_written(staged_partners, superuser):
    before = {slug: stages_of(slug) for slug in ("karachi", "ended", "draft")}
    with translation.override("en"):
        result = import_rows(
            {
                "karachi": {"ended_on": "2026-03"},  # still says "sister city"
                "ended": {"contact_on": "2021-13-40"},
            },
            superuser,
            dry_run=True,
        )
        errors = row_errors(result)
    assert errors["karachi"] == {
        "relationship": [
            "The relationship names the latest stage by date: here “Suspended or ended” (2026-03)."
        ]
    }
    assert errors["ended"] == {
        "contact_on": ["“2021-13-40” is not a date: write it as 2021-12-09, 2018-08 or 1980."]
    }
    assert {slug: stages_of(slug) for slug in before} == before


def test_a_non_publisher_cannot_change_a_published_city_s_stages(staged_partners, sign_in):
    editor = sign_in("Editors")
    with translation.override("en"):
        result = import_rows(
            {"karachi": {"contact_on": "2016"}, "draft": {"contact_on": "2020-05"}}, editor
        )
        errors = row_errors(result)
    assert errors == {
        "karachi": {"contact_on": ["This city is published: a publisher changes its stages."]}
    }
    assert "contact" not in stages_of("karachi")


def test_an_editor_s_draft_takes_its_stages(staged_partners, sign_in):
    editor = sign_in("Editors")
    result = import_rows({"draft": {"contact_on": "2020-05"}}, editor)
    assert not result.has_validation_errors()
    assert stages_of("draft") == {"contact": "2020-05", "friendly": "2023-01"}


def test_the_preview_reports_a_bad_stage_in_chinese(admin_client, staged_partners):
    admin_client.cookies["django_language"] = "zh-hans"
    text = (
        "slug,name_en,country,relationship,contact_on,ended_on\n"
        "karachi,Karachi,PK,sister,2016,2026\n"
    )
    upload = SimpleUploadedFile("cities.csv", text.encode(), content_type="text/csv")
    response = admin_client.post(
        "/admin/cities/city/import/", {"resource": "0", "format": "0", "import_file": upload}
    )
    assert "关系应为按日期最近的阶段：此处为“中止或终止”（2026）。" in response.content.decode()
    assert "contact" not in stages_of("karachi")
