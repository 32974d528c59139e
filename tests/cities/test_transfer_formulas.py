"""Bulk import and export, hardened against formulas: no export holds a live formula
and no import stores one; a formula in an imported cell refuses its row, in the staff
member's language."""

import csv
import io

import openpyxl
import pytest

from cities import transfer_files
from cities.models import City
from cities.transfer import CityResource
from portal.formatting.spreadsheets import is_formula
from tests.cities.admin_transfer import (
    CSV_FORMAT,
    HEADER,
    INJECTIONS,
    XLSX_FORMAT,
    upload,
    xlsx_of,
)
from tests.factories import make_country

pytestmark = pytest.mark.django_db


def export(client, model, file_format):
    resource = {"city": "cityresource", "exchange": "exchangeresource"}[model]
    page = client.get(f"/admin/cities/{model}/export/")
    fields = [name for name in page.context["form"].fields if name.startswith(f"{resource}_")]
    data = {"format": file_format, "resource": "0", **dict.fromkeys(fields, "on")}
    response = client.post(f"/admin/cities/{model}/export/", data)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    return response.content


# Export: no live formula, numbers stay numbers


@pytest.mark.parametrize("model", ["city", "exchange"])
def test_the_xlsx_export_holds_no_formula(admin_client, evil, model):
    book = openpyxl.load_workbook(io.BytesIO(export(admin_client, model, XLSX_FORMAT)))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    formulas = [
        cell.coordinate
        for cell in cells
        if cell.data_type == "f" or str(cell.value or "").startswith("=")
    ]
    assert formulas == []
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert {f"'{text}" for text in INJECTIONS} <= texts
    if model == "city":
        header = [cell.value for cell in next(book.active.iter_rows())]
        column = header.index("winter_low_c")
        cold = next(row for row in book.active.iter_rows() if row[0].value == "harbin-like")
        assert cold[column].data_type == "n" and cold[column].value == -12


@pytest.mark.parametrize("model", ["city", "exchange"])
def test_the_csv_export_writes_a_formula_as_text(admin_client, evil, model):
    text = export(admin_client, model, CSV_FORMAT).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    column = {"city": "name_en", "exchange": "title_en"}[model]
    written = {row[column] for row in rows}
    assert {f"'{text}" for text in INJECTIONS} <= written
    assert not [value for row in rows for value in row.values() if is_formula(value)]
    if model == "city":
        cold = next(row for row in rows if row["slug"] == "harbin-like")
        assert cold["winter_low_c"] in ("-12", "-12.0"), "a negative number is no formula"


def test_an_exported_formula_imports_back_as_the_text_it_shows(admin_client, evil, superuser):
    """The export's `'=…` is text, so importing the file back stores no formula."""
    dataset = transfer_files.CSV().create_dataset(export(admin_client, "city", CSV_FORMAT))
    result = CityResource().import_data(dataset, dry_run=False, user=superuser)
    assert not result.has_errors() and not result.has_validation_errors()
    names = City.objects.values_list("name_en", flat=True)
    assert not [name for name in names if is_formula(name)]


# Import: a formula is refused in its row, in the staff member's language


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_a_formula_in_an_imported_cell_refuses_its_row(admin_client, file_format):
    admin_client.cookies["django_language"] = "en"
    make_country("JP")
    rows = [HEADER.split(",")] + [
        [f"evil-{n}", text, "城市", "JP", "sister", "2001-01-01"]
        for n, text in enumerate(INJECTIONS)
    ]
    rows.append(["cold", "Cold", "冷", "JP", "sister", "2001-01-01"])
    if file_format == CSV_FORMAT:
        stream = io.StringIO()
        csv.writer(stream).writerows(rows)
        content, name = stream.getvalue(), "cities.csv"
    else:
        content, name = xlsx_of(rows), "cities.xlsx"
    response, _seconds = upload(admin_client, content, name, file_format)
    result = response.context["result"]
    assert result.has_validation_errors() and not response.context.get("confirm_form")
    errors = {row.number: row.field_specific_errors for row in result.invalid_rows}
    assert sorted(errors) == [1, 2, 3, 4], "each row holding a formula, and only those"
    for n, sign in enumerate(["“=”", "“+”", "“@”", "“-”"], start=1):
        (message,) = errors[n]["name_en"]
        assert f"begins with {sign}, so a spreadsheet would run it as a formula" in message
    assert not City.objects.exists()


def test_a_formula_in_a_number_column_is_refused_in_chinese(admin_client):
    admin_client.cookies["django_language"] = "zh-hans"
    make_country("JP")
    text = f"{HEADER},winter_low_c\nsapporo,Sapporo,札幌,JP,sister,1980,-2+3\n"
    response, _seconds = upload(admin_client, text)
    (row,) = response.context["result"].invalid_rows
    assert row.field_specific_errors["winter_low_c"] == [
        "“-2+3”以“-”开头，电子表格会将其作为公式执行。请删去该符号，或改用其他开头。"
    ]
    assert not City.objects.exists()


def test_text_in_a_number_column_is_not_a_number(admin_client):
    admin_client.cookies["django_language"] = "zh-hans"
    make_country("JP")
    text = f"{HEADER},winter_low_c\nsapporo,Sapporo,札幌,JP,sister,1980,about 12\n"
    response, _seconds = upload(admin_client, text)
    (row,) = response.context["result"].invalid_rows
    assert row.field_specific_errors["winter_low_c"] == [
        "“about 12”不是数字：请用阿拉伯数字填写，如1234.5或-12。"
    ]


def test_a_negative_number_imports_as_a_number(admin_client):
    admin_client.cookies["django_language"] = "en"
    make_country("JP")
    text = f"{HEADER},winter_low_c\nsapporo,Sapporo,札幌,JP,sister,1980,-12.5\n"
    response, _seconds = upload(admin_client, text)
    confirm = response.context["confirm_form"].initial
    admin_client.post("/admin/cities/city/process_import/", confirm)
    assert str(City.objects.get(slug="sapporo").winter_low_c) == "-12.5"
