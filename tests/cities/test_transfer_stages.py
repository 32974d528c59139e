"""Bulk import and export of every stage of the relationship: first contact, letter of
intent, friendly cooperative city, sister city, suspended or ended, each with its date
as it is known; a round trip changes nothing and a bad row says what is wrong."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from import_export.formats.base_formats import CSV, XLSX

from cities.models import City, Stage
from cities.transfer import CityResource
from tests.factories import make_city, make_country

pytestmark = pytest.mark.django_db


def stage(city, kind, date, precision="day"):
    return Stage.objects.create(city=city, stage=kind, date=date, precision=precision)


@pytest.fixture
def partners(db):
    karachi = make_city(slug="karachi", name_en="Karachi", country=make_country("PK"))
    stage(karachi, "intent", datetime.date(2018, 8, 1), "month")
    stage(karachi, "friendly", datetime.date(2018, 8, 1), "month")
    sister = stage(karachi, "sister", datetime.date(2021, 12, 9))
    Stage.objects.filter(pk=sister.pk).update(
        document_en="Agreement on establishing sister city relations",
        document_zh_hans="缔结友好城市关系协议",
        signatories_en="The two mayors",
    )
    City.objects.filter(pk=karachi.pk).update(
        friendly_since="2018-08-01",
        friendly_since_precision="month",
        sister_since="2021-12-09",
    )
    ended = make_city(slug="ended", name_en="Ended", relationship="ended")
    stage(ended, "contact", datetime.date(1979, 1, 1), "year")
    stage(ended, "friendly", datetime.date(1985, 6, 1), "month")
    stage(ended, "ended", datetime.date(2015, 3, 1), "month")
    City.objects.filter(pk=ended.pk).update(
        friendly_since="1985-06-01", friendly_since_precision="month"
    )
    draft = make_city(slug="draft", name_en="Draft", relationship="friendly", status="draft")
    contact = stage(draft, "contact", None)  # undated: its document is known, not its day
    Stage.objects.filter(pk=contact.pk).update(document_zh_hans="会谈纪要")
    stage(draft, "friendly", datetime.date(2023, 1, 1), "month")
    City.objects.filter(pk=draft.pk).update(
        friendly_since="2023-01-01", friendly_since_precision="month"
    )
    return karachi


def rows():
    return {row["slug"]: row for row in CityResource().export().dict}


def import_rows(changes, user, dry_run=False):
    dataset = CityResource().export()
    dataset.dict = [dict(row, **changes.get(row["slug"], {})) for row in dataset.dict]
    return CityResource().import_data(dataset, dry_run=dry_run, user=user)


def stages_of(slug):
    return {s.stage: s.when.machine for s in Stage.objects.filter(city__slug=slug).order_by("pk")}


def test_every_stage_is_exported_with_its_date_as_known(partners):
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
def test_every_stage_round_trips_unchanged(partners, superuser, file_format):
    before = {slug: stages_of(slug) for slug in ("karachi", "ended", "draft")}
    dataset = file_format.create_dataset(file_format.export_data(CityResource().export()))
    result = CityResource().import_data(dataset, dry_run=False, user=superuser)
    assert not result.has_errors() and not result.has_validation_errors()
    assert {k: v for k, v in result.totals.items() if v} == {"skip": 3}
    assert {slug: stages_of(slug) for slug in before} == before


def test_an_import_writes_each_stage_with_its_precision(partners, superuser):
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


def test_ending_a_partnership_takes_the_ended_stage_and_relationship(partners, superuser):
    result = import_rows({"karachi": {"ended_on": "2026-03", "relationship": "ended"}}, superuser)
    assert not result.has_validation_errors()
    assert stages_of("karachi")["ended"] == "2026-03"
    assert City.objects.get(slug="karachi").relationship == "ended"


def test_a_blank_stage_date_leaves_the_stage_undated(partners, superuser):
    import_rows({"ended": {"contact_on": ""}}, superuser)
    assert Stage.objects.get(city__slug="ended", stage="contact").date is None


def row_errors(result):
    return {
        row.values[0]: {
            name: [str(e) for e in errors] for name, errors in row.field_specific_errors.items()
        }
        for row in result.invalid_rows
    }


def test_bad_stage_rows_are_reported_and_nothing_is_written(partners, superuser):
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


def test_a_non_publisher_cannot_change_a_published_city_s_stages(partners, sign_in):
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


def test_an_editor_s_draft_takes_its_stages(partners, sign_in):
    editor = sign_in("Editors")
    result = import_rows({"draft": {"contact_on": "2020-05"}}, editor)
    assert not result.has_validation_errors()
    assert stages_of("draft") == {"contact": "2020-05", "friendly": "2023-01"}


def test_the_preview_reports_a_bad_stage_in_chinese(admin_client, partners):
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


def texts_of(slug, kind):
    found = Stage.objects.filter(city__slug=slug, stage=kind).values(
        "document_en", "document_zh_hans", "signatories_en", "signatories_zh_hans"
    )
    return found.first()


def test_each_stage_s_document_and_signatories_are_exported_in_both_languages(partners):
    found = rows()
    karachi, draft = found["karachi"], found["draft"]
    assert (karachi["sister_document_en"], karachi["sister_document_zh_hans"]) == (
        "Agreement on establishing sister city relations",
        "缔结友好城市关系协议",
    )
    assert (karachi["sister_signatories_en"], karachi["sister_signatories_zh_hans"]) == (
        "The two mayors",
        "",
    )
    assert karachi["intent_document_en"] == karachi["ended_document_en"] == ""
    assert (draft["contact_on"], draft["contact_document_zh_hans"]) == ("", "会谈纪要")


def test_an_import_writes_documents_and_signatories_and_keeps_an_undated_stage(partners, superuser):
    result = import_rows(
        {
            "karachi": {
                "sister_signatories_zh_hans": "两市市长",
                "intent_document_en": "Letter of intent",
                "intent_document_zh_hans": "意向书",
            },
            "draft": {"contact_document_zh_hans": "", "intent_document_zh_hans": "意向书"},
        },
        superuser,
    )
    assert not result.has_validation_errors()
    assert {k: v for k, v in result.totals.items() if v} == {"update": 2, "skip": 1}
    assert texts_of("karachi", "sister") == {
        "document_en": "Agreement on establishing sister city relations",
        "document_zh_hans": "缔结友好城市关系协议",
        "signatories_en": "The two mayors",
        "signatories_zh_hans": "两市市长",
    }
    assert texts_of("karachi", "intent")["document_zh_hans"] == "意向书"
    assert texts_of("draft", "contact")["document_zh_hans"] == ""  # a blank cell clears it
    # A document without a date: the stage is kept, undated, as in the city's form.
    intent = Stage.objects.get(city__slug="draft", stage="intent")
    assert (intent.date, intent.document_zh_hans) == (None, "意向书")
    assert stages_of("draft")["friendly"] == "2023-01"


def test_a_file_without_the_text_columns_leaves_the_texts_alone(partners, superuser):
    dataset = CityResource().export()
    for column in [
        name for name in dataset.headers if "_document_" in name or "_signatories_" in name
    ]:
        del dataset[column]
    dataset.dict = [
        dict(row, contact_on="2016") if row["slug"] == "karachi" else row for row in dataset.dict
    ]
    result = CityResource().import_data(dataset, dry_run=False, user=superuser)
    assert not result.has_validation_errors()
    assert stages_of("karachi")["contact"] == "2016"
    assert texts_of("karachi", "sister")["document_zh_hans"] == "缔结友好城市关系协议"
    assert texts_of("karachi", "sister")["signatories_en"] == "The two mayors"


def test_a_bad_document_is_reported_in_its_row_and_nothing_is_written(partners, superuser):
    with translation.override("en"):
        result = import_rows(
            {
                "karachi": {"sister_document_en": "x" * 301},
                "draft": {"intent_signatories_zh_hans": "签" * 400},
                "ended": {"contact_document_en": "Minutes"},
            },
            superuser,
            dry_run=True,
        )
        errors = row_errors(result)
    assert errors == {
        "karachi": {
            "sister_document_en": ["Ensure this value has at most 300 characters (it has 301)."]
        },
        "draft": {
            "intent_signatories_zh_hans": [
                "Ensure this value has at most 300 characters (it has 400)."
            ]
        },
    }
    assert texts_of("karachi", "sister")["document_en"].startswith("Agreement")
    assert not texts_of("ended", "contact")["document_en"]
    assert not Stage.objects.filter(city__slug="draft", stage="intent").exists()


def test_a_non_publisher_cannot_change_a_published_city_s_documents(partners, sign_in):
    editor = sign_in("Editors")
    with translation.override("en"):
        result = import_rows(
            {
                "karachi": {"sister_document_en": "Another agreement"},
                "draft": {"contact_document_en": "Minutes of the talks"},
            },
            editor,
        )
        errors = row_errors(result)
    assert errors == {
        "karachi": {
            "sister_document_en": ["This city is published: a publisher changes its stages."]
        }
    }
    assert texts_of("karachi", "sister")["document_en"].startswith("Agreement")
    assert texts_of("draft", "contact")["document_en"] == "Minutes of the talks"


def test_the_preview_reports_a_bad_document_in_chinese(admin_client, partners):
    admin_client.cookies["django_language"] = "zh-hans"
    text = "slug,name_en,country,relationship,sister_document_zh_hans\n" + (
        f"karachi,Karachi,PK,sister,{'协' * 301}\n"
    )
    upload = SimpleUploadedFile("cities.csv", text.encode(), content_type="text/csv")
    response = admin_client.post(
        "/admin/cities/city/import/", {"resource": "0", "format": "0", "import_file": upload}
    )
    assert "确保该变量包含不超过 300 字符 (目前字符数 301)。" in response.content.decode()
    assert texts_of("karachi", "sister")["document_zh_hans"] == "缔结友好城市关系协议"
