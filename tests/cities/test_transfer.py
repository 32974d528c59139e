"""Bulk import and export: a round trip reports every row unchanged; a bad row shows
its errors in the preview and nothing is written; publication state never changes;
a non-publisher's change to a published city waits for a publisher."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.formats.base_formats import CSV, XLSX

from cities.models import City, Exchange, Fact
from cities.transfer import CityResource, ExchangeResource
from cities.transfer_fields import parse_partial_date
from portal.editorial.models import PendingChange
from tests.factories import make_city, make_country, make_exchange, make_fact, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    japan = make_country("JP")
    sapporo = make_city(
        slug="sapporo",
        name_en="Sapporo",
        name_zh_hans="札幌",
        country=japan,
        ordinal=1,
        population=1_800_000,
        population_is_approximate=True,
        area_km2=Decimal("1118"),
        latitude=Decimal("43.06"),
        longitude=Decimal("141.35"),
    )
    City.objects.filter(pk=sapporo.pk).update(
        sister_since="1980-11-18", sister_since_precision="day"
    )
    sapporo.refresh_from_db()
    office = make_source(url="https://www.shenyang.gov.cn/sapporo")
    make_fact(sapporo, "population", 1_800_000, [office], approximate=True)
    make_fact(sapporo, "area", Decimal("1118"), [office])
    katowice = make_city(slug="katowice", name_en="Katowice", country=make_country("PL"))
    City.objects.filter(pk=katowice.pk).update(
        sister_since="2007-06-01", sister_since_precision="month"
    )
    make_exchange(sapporo, title_en="A visit")
    return sapporo


def totals(result):
    return {kind: count for kind, count in result.totals.items() if count}


@pytest.mark.parametrize("file_format", [CSV(), XLSX()], ids=["csv", "xlsx"])
def test_export_and_import_back_reports_every_row_unchanged(network, superuser, file_format):
    for resource in (CityResource(), ExchangeResource()):
        exported = file_format.export_data(resource.export())
        dataset = file_format.create_dataset(exported)
        result = resource.import_data(dataset, dry_run=False, user=superuser)
        assert not result.has_errors() and not result.has_validation_errors()
        assert totals(result) == {"skip": len(dataset)}, resource
    rows = {row["slug"]: row for row in CityResource().export().dict}
    assert rows["sapporo"]["sister_since"] == "1980-11-18"
    assert rows["katowice"]["sister_since"] == "2007-06"


def test_the_export_names_each_figure_s_source(network):
    row = {r["slug"]: r for r in CityResource().export().dict}["sapporo"]
    assert row["population_source"] == "https://www.shenyang.gov.cn/sapporo"
    assert row["country"] == "JP" and row["population"] in ("1800000", 1800000)


BAD_ROW = (
    "slug,name_en,name_zh_hans,country,relationship,sister_since\n"
    "sapporo,Sapporo,札幌,JP,sister,1980-11-18\n"
    "nowhere,Nowhere,无处,XX,sister,2021-13-40\n"
)


@pytest.mark.parametrize(
    ("language", "country_error", "date_error"),
    [
        ("en", "No country has the ISO code “XX”.", "“2021-13-40” is not a date"),
        ("zh-hans", "没有ISO代码为“XX”的国家。", "“2021-13-40”不是有效日期"),
    ],
)
def test_a_bad_row_shows_its_errors_in_the_preview_and_nothing_is_written(
    admin_client, network, language, country_error, date_error
):
    admin_client.cookies["django_language"] = language
    columns = ("pk", "slug", "name_en", "name_zh_hans", "country", "status", "updated_at")
    before = list(City.objects.order_by("pk").values(*columns))
    upload = SimpleUploadedFile("cities.csv", BAD_ROW.encode(), content_type="text/csv")
    response = admin_client.post(
        "/admin/cities/city/import/",
        {"resource": "0", "format": "0", "import_file": upload},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert country_error in page and date_error in page
    assert "confirm" not in response.context or not response.context.get("confirm_form")
    assert list(City.objects.order_by("pk").values(*columns)) == before


def test_a_good_file_is_previewed_then_written_on_confirmation(admin_client, network):
    admin_client.cookies["django_language"] = "en"
    text = (
        "slug,name_en,name_zh_hans,country,relationship,sister_since,population,"
        "population_source,status\n"
        "sapporo,Sapporo,札幌,JP,sister,1980-11-18,1960000,https://example.org/census,draft\n"
        "braga,Braga,布拉加,JP,sister,2020-09-30,,,published\n"
    )
    upload = SimpleUploadedFile("cities.csv", text.encode(), content_type="text/csv")
    preview = admin_client.post(
        "/admin/cities/city/import/", {"resource": "0", "format": "0", "import_file": upload}
    )
    assert preview.status_code == 200
    confirm = preview.context["confirm_form"]
    assert not City.objects.filter(slug="braga").exists(), "nothing is written before confirming"
    assert City.objects.get(slug="sapporo").population == 1_800_000
    done = admin_client.post("/admin/cities/city/process_import/", confirm.initial)
    assert done.status_code == 302
    sapporo, braga = City.objects.get(slug="sapporo"), City.objects.get(slug="braga")
    assert sapporo.status == "published", "an import never changes the publication state"
    assert braga.status == "draft", "a new city starts as a draft, whatever the file says"
    assert sapporo.population == 1_960_000
    public = Fact.objects.get(city=sapporo, figure="population", is_public=True)
    assert public.raw_value == 1_960_000
    assert [s.url for s in public.sources.all()] == ["https://example.org/census"]
    assert (
        Fact.objects.get(city=sapporo, figure="population", is_public=False).raw_value == 1_800_000
    )
    assert braga.stages.get(stage="sister").when.machine == "2020-09-30"


def test_a_non_publisher_s_change_to_a_published_city_waits(sign_in, network):
    editor = sign_in("Editors")
    rows = CityResource().export()
    rows.dict = [
        dict(row, population="1960000") if row["slug"] == "sapporo" else row for row in rows.dict
    ]
    result = CityResource().import_data(rows, dry_run=False, user=editor)
    assert not result.has_errors() and not result.has_validation_errors()
    sapporo = City.objects.get(slug="sapporo")
    assert sapporo.population == 1_800_000 and sapporo.status == "published"
    change = PendingChange.objects.get()
    assert change.values == {"population": "1960000"} and change.author == editor
    assert change.object_id == sapporo.pk


def test_exchanges_of_a_published_city_are_refused_to_a_non_publisher(sign_in, network):
    editor = sign_in("Editors")
    rows = ExchangeResource().export()
    rows.dict = [dict(rows.dict[0], title_en="Changed")]
    result = ExchangeResource().import_data(rows, dry_run=False, user=editor)
    assert result.has_validation_errors()
    assert Exchange.objects.get().title_en == "A visit"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-12-09", "2021-12-09/day"),
        ("2018-08", "2018-08-01/month"),
        ("1980", "1980-01-01/year"),
    ],
)
def test_dates_keep_their_precision(text, expected):
    value, precision = parse_partial_date(text)
    assert f"{value.isoformat()}/{precision}" == expected


@pytest.mark.parametrize("text", ["2021-13-40", "2021-02-30", "tomorrow", "21-1-1"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        parse_partial_date(text)
