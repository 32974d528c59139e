"""The demo's 22 partner cities, exported with every stage and imported back: every row
unchanged, in CSV and XLSX."""

import pytest
from import_export.formats.base_formats import CSV, XLSX

from cities.models import City, Stage
from cities.transfer import CityResource, ExchangeResource

pytestmark = pytest.mark.django_db
STAGE_VALUES = (
    "city_id",
    "stage",
    "date",
    "precision",
    "document_en",
    "document_zh_hans",
    "signatories_en",
    "signatories_zh_hans",
)


def test_karachi_exports_its_documents_and_signatories_in_both_languages(demo):
    row = {r["slug"]: r for r in CityResource().export().dict}["karachi"]
    assert row["sister_document_en"] == "Agreement on establishing sister city relations"
    assert row["sister_document_zh_hans"] == "缔结友好城市关系协议"
    assert row["sister_signatories_zh_hans"] == "沈阳市代市长吕志成；巴基斯坦驻华大使莫因·哈克"
    assert row["intent_signatories_en"].startswith("The mayors of Shenyang and Karachi")
    assert row["contact_document_en"] == row["ended_signatories_zh_hans"] == ""


def test_karachi_exports_its_three_stages(demo):
    row = {r["slug"]: r for r in CityResource().export().dict}["karachi"]
    assert (row["intent_on"], row["friendly_since"], row["sister_since"]) == (
        "2018-08",
        "2018-08",
        "2021-12-09",
    )
    assert (row["contact_on"], row["ended_on"], row["relationship"]) == ("", "", "sister")


@pytest.mark.parametrize("file_format", [CSV(), XLSX()], ids=["csv", "xlsx"])
def test_the_demo_round_trips_unchanged(demo, superuser, file_format):
    stages = list(Stage.objects.order_by("pk").values_list(*STAGE_VALUES))
    for resource in (CityResource(), ExchangeResource()):
        dataset = file_format.create_dataset(file_format.export_data(resource.export()))
        result = resource.import_data(dataset, dry_run=False, user=superuser)
        assert not result.has_errors() and not result.has_validation_errors()
        assert {k: v for k, v in result.totals.items() if v} == {"skip": len(dataset)}
    assert City.objects.partners().count() >= 22
    assert list(Stage.objects.order_by("pk").values_list(*STAGE_VALUES)) == stages
    assert any(document for *_rest, document, _zh, _s, _s_zh in stages)
