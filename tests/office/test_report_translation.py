"""A yearly report is translated row by row on the workbench and in the matrix, and
becomes whole in English (and visible there) when its last row is."""

import csv
import io

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.admin_forms import admin_form_data
from tests.factories import make_guide, make_office_page, make_report

pytestmark = pytest.mark.django_db


def chinese_report():
    return make_report(
        2024, rows=[("", "网站总访问量", "12345")], original_language="zh-hans", note_zh_hans="全年"
    )


def test_a_publisher_translates_a_report_and_its_rows_on_the_workbench(client, sign_in):
    report = chinese_report()
    row = report.rows.get()
    assertNotContains(client.get("/en/office/"), "/en/office/reports/2024/")
    sign_in("Publishers")
    address = reverse("translation_workbench", args=["office.websitereport", report.pk, "en"])
    page = client.get(address)
    assertContains(page, "网站总访问量")
    data = admin_form_data(
        page,
        **{
            f"office.websitereport-{report.pk}-note_en": "The whole year",
            f"office.reportrow-{row.pk}-item_en": "Total visits",
            f"office.reportrow-{row.pk}-value_en": "12345",
            "_save": "Save",
        },
    )
    client.post(address, data)
    report.refresh_from_db()
    assert report.translation_states["en"] == "complete"
    client.logout()
    assertContains(client.get("/en/office/"), "/en/office/reports/2024/")
    assertContains(client.get("/en/office/reports/2024/"), "Total visits")


def test_the_matrix_counts_office_records_and_report_rows(client, sign_in):
    chinese_report()
    make_guide(slug="passports", title_zh_hans="因公护照", title_en="")
    make_office_page("about", title_zh_hans="机构概况", title_en="About the office")
    sign_in("Translators")
    response = client.get("/admin/translations/matrix/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    states = {(row["type"], row["record"]): row["en state"] for row in rows}
    assert states[("office.websitereport", "2024")] == "missing"
    assert states[("office.reportrow", "网站总访问量")] == "missing"
    assert states[("office.serviceguide", "因公护照")] == "missing"
    assert states[("office.officepage", "About the office")] == "complete"
