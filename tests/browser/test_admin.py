"""The back office as a person sees and uses it, in Chromium."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from portal.demo.loader import load_demo
from tests.browser.conftest import screenshot, sign_in
from tests.two_factor import give_app


@pytest.fixture
def signed_in(page, live_server, transactional_db):
    load_demo()
    give_app(get_user_model().objects.create_superuser("chief", "", "a-long-pass-phrase"))
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return sign_in(page, live_server.url, "chief", "a-long-pass-phrase")


def test_editor_works_in_language_tabs_with_the_rich_text_editor(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/admin/cities/city/")
    page.get_by_role("link", name="Karachi", exact=True).click()
    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs).to_be_visible()  # translated fields are grouped in language tabs
    # The staff member's own language (English here) opens first.
    expect(page.locator("#id_name_en")).to_have_value("Karachi")
    name_zh = page.locator("#id_name_zh_hans")
    expect(name_zh).to_be_hidden()
    # Tabs named as staff read them, in the admin's language, not by code.
    expect(tabs.get_by_role("tab")).to_have_text(["Chinese", "English"])
    tabs.get_by_role("tab", name="Chinese").click()
    expect(name_zh).to_be_visible()
    expect(name_zh).to_have_value("卡拉奇")
    editors = page.locator(".ProseMirror[contenteditable=true]")
    expect(editors.first).to_be_attached()
    assert editors.count() >= 8, "four long texts in two languages get the rich-text editor"
    screenshot(page, "admin-city-change")
    assert page.request_log.foreign(page.live_netloc) == []


def test_admin_switches_language_from_its_header(signed_in):
    page = signed_in
    page.click("button[lang=zh-hans]")
    page.wait_for_selector("text=后台管理")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    screenshot(page, "admin-index-zh")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_city_form_fits_the_window_its_figures_table_scrolling_in_its_box(
    signed_in, live_server, language
):
    """Stages are stacked (each has a document and signatories in two languages), and the
    figures' table, many columns wide, scrolls inside its own box: the form itself never
    scrolls sideways."""
    page = signed_in
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/admin/cities/city/")
    page.locator(
        "#result_list a", has_text="卡拉奇" if language == "zh-hans" else "Karachi"
    ).first.click()
    expect(page.locator("#stages-group .inline-related").first).to_be_visible()
    assert page.locator("#stages-group .tabular").count() == 0
    for width in (1280, 1024):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        facts = page.locator("#facts-group fieldset.module")
        assert facts.evaluate("box => box.scrollWidth > box.clientWidth")  # it scrolls in its box
    screenshot(page, f"admin-city-form-{language}")
