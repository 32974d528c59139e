"""Bulk import, bounded: a hostile or oversized file is refused at once, naming the
limit, and a file at the limits is read."""

import io
import random
import zipfile

import pytest

from cities import transfer_files
from tests.cities.admin_transfer import CSV_FORMAT, XLSX_FORMAT, refused, upload, xlsx_of

pytestmark = pytest.mark.django_db

QUICK = 3.0  # seconds: a refusal comes long before gunicorn's 30 s timeout

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


def test_a_file_at_the_limits_is_read():
    width, length = transfer_files.MAX_COLUMNS, transfer_files.MAX_ROWS
    rows = [["slug", *(f"c{n}" for n in range(1, width))]]
    rows += [[f"city-{n}", *range(1, width)] for n in range(length)]
    assert len(transfer_files.XLSX().create_dataset(xlsx_of(rows))) == length
    text = "\n".join(",".join(map(str, row)) for row in rows)
    dataset = transfer_files.CSV().create_dataset(text.encode())
    assert (len(dataset), dataset.width) == (length, width)
