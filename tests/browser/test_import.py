"""Bulk import as a person runs it: the preview before anything is written."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cities.models import City
from portal.demo.loader import load_demo
from tests.browser.conftest import screenshot, sign_in
from tests.two_factor import give_app

GOOD = (
    "slug,name_en,name_zh_hans,country,relationship,sister_since,population,population_source\n"
    "sapporo,Sapporo,札幌,JP,sister,1980-11-18,1960000,https://example.org/census\n"
)
BAD = GOOD + "nowhere,Nowhere,无处,XX,sister,2021-13-40,,\n"


@pytest.fixture
def signed_in(page, live_server, transactional_db):
    load_demo()
    chief = get_user_model().objects.create_superuser("chief", "", "a-long-pass-phrase")
    give_app(chief)  # superusers sign in with a second factor
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return sign_in(page, live_server.url, "chief", "a-long-pass-phrase")


def upload(page, live_server, tmp_path, text):
    path = tmp_path / "cities.csv"
    path.write_text(text, encoding="utf-8")
    page.goto(f"{live_server.url}/admin/cities/city/")
    page.get_by_role("link", name="Import").click()
    page.select_option("#id_format", label="csv")
    page.set_input_files("#id_import_file", str(path))
    page.get_by_role("button", name="Submit").click()


def test_import_preview_shows_bad_rows_and_writes_only_when_confirmed(
    signed_in,
    live_server,
    tmp_path,
):
    page = signed_in
    upload(page, live_server, tmp_path, BAD)
    expect(page.get_by_text("No country has the ISO code “XX”.")).to_be_visible()
    expect(page.get_by_text("“2021-13-40” is not a date", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    screenshot(page, "admin-import-errors")
    before = City.objects.get(slug="sapporo").population

    upload(page, live_server, tmp_path, GOOD)
    expect(page.locator("table.import-preview")).to_contain_text("Sapporo")
    assert City.objects.get(slug="sapporo").population == before, "nothing before confirming"
    screenshot(page, "admin-import-preview")
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator(".messagelist")).to_contain_text("Import finished")
    assert City.objects.get(slug="sapporo").population == 1_960_000
    assert page.request_log.foreign(page.live_netloc) == []
