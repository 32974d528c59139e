"""Bulk import as a person runs it: the preview before anything is written, each bad
row's errors in its row, readable without hovering, in the staff member's language."""

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
ENDED = (
    "slug,name_en,country,relationship,sister_since,ended_on\n"
    "sapporo,Sapporo,JP,sister,1980-11-18,2025-13\n"
)
# What a person sees with the pointer away: the text is on top where it lies, and
# nothing above it is transparent (a hover badge hides its list with opacity 0).
SHOWN = """element => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
    let node = element;
    for (; node; node = node.parentElement) {
        if (Number(getComputedStyle(node).opacity) === 0) return false;
    }
    return box.width > 0 && element.contains(top);
}"""


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
    page.locator("a.import_link").click()
    page.select_option("#id_format", label="csv")
    page.set_input_files("#id_import_file", str(path))
    page.locator("#content form input[type=submit]").click()


def expect_shown(page, text):
    """`text` is in a bad row's errors, readable with the pointer elsewhere."""
    page.mouse.move(0, 0)
    error = page.locator("table.import-row-errors td.row-errors li", has_text=text)
    expect(error).to_have_count(1)
    assert error.evaluate(SHOWN), f"{text!r} is not readable without hovering"


def test_import_preview_shows_bad_rows_and_writes_only_when_confirmed(
    signed_in,
    live_server,
    tmp_path,
):
    page = signed_in
    upload(page, live_server, tmp_path, BAD)
    expect_shown(page, "country: No country has the ISO code “XX”.")
    expect_shown(page, "sister_since: “2021-13-40” is not a date")
    expect(page.locator("table.import-row-errors tbody tr")).to_have_count(1)
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


def test_the_preview_shows_a_bad_row_s_errors_in_chinese(signed_in, live_server, tmp_path):
    page = signed_in
    page.context.add_cookies(
        [{"name": "django_language", "value": "zh-hans", "url": live_server.url}]
    )
    upload(page, live_server, tmp_path, BAD)
    expect_shown(page, "country: 没有ISO代码为“XX”的国家。")
    expect_shown(page, "sister_since: “2021-13-40”不是有效日期")
    upload(page, live_server, tmp_path, ENDED)
    expect_shown(page, "ended_on: “2025-13”不是有效日期")
    screenshot(page, "admin-import-errors-zh")
    assert City.objects.get(slug="sapporo").relationship == "sister"
