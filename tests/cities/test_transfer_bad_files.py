"""Bulk import of files that cannot be read: each is told in the staff member's
language, never with a traceback or a server path."""

import io
import zipfile

import pytest
from django.conf import settings

from cities.models import Exchange
from cities.transfer import CityResource
from tests.cities.admin_transfer import (
    CSV_FORMAT,
    HEADER,
    INJECTIONS,
    XLSX_FORMAT,
    refused,
    upload,
    xlsx_of,
)
from tests.factories import make_country

pytestmark = pytest.mark.django_db


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
