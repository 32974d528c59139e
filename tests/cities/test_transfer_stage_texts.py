"""Bulk import and export of each stage's document and signatories, in both languages:
written with the stage, kept with an undated stage, left alone by a file without
them, and refused in their row when too long or not the editor's to change."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from cities.models import Stage
from cities.transfer import CityResource
from tests.cities.stage_rows import import_rows, row_errors, rows, stages_of

pytestmark = pytest.mark.django_db


def texts_of(slug, kind):
    found = Stage.objects.filter(city__slug=slug, stage=kind).values(
        "document_en", "document_zh_hans", "signatories_en", "signatories_zh_hans"
    )
    return found.first()


def test_each_stage_s_document_and_signatories_are_exported_in_both_languages(staged_partners):
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


def test_an_import_writes_documents_and_signatories_and_keeps_an_undated_stage(
    staged_partners, superuser
):
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


def test_a_file_without_the_text_columns_leaves_the_texts_alone(staged_partners, superuser):
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


def test_a_bad_document_is_reported_in_its_row_and_nothing_is_written(staged_partners, superuser):
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


def test_a_non_publisher_cannot_change_a_published_city_s_documents(staged_partners, sign_in):
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


def test_the_preview_reports_a_bad_document_in_chinese(admin_client, staged_partners):
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
