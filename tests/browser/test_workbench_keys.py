"""The workbench's keyboard shortcuts, in Chromium: Alt+Down and Alt+Up move between
the segments a translator may write, Ctrl+Enter saves and goes to the next record in
the queue; the page lists them in the admin's language."""

import pytest
from playwright.sync_api import expect

from cities.models import City
from portal.editorial.pending_admin import HELD_BACK
from tests.browser.test_editorial_story import (
    people,  # noqa: F401 (a fixture)
    signed_in,
)
from tests.browser.test_translation_lifecycle import in_admin_language, in_the_admin_language


def focused_row_field(page):
    """The name of the field whose row holds the focus ("" outside every row)."""
    return page.evaluate(
        """() => {
          const row = document.activeElement.closest('.workbench-row');
          const field = row && row.querySelector('.workbench-target [name]');
          return field ? field.name : '';
        }"""
    )


@pytest.mark.parametrize("admin_language", ["en", "zh-hans"])
def test_a_translator_moves_and_saves_with_the_keyboard(browser, people, admin_language):  # noqa: F811
    site = people
    karachi = City.objects.get(slug="karachi")
    translator = in_the_admin_language(
        signed_in(browser, site, "Translators"), site, admin_language
    )
    workbench = f"/admin/translate/cities.city/{karachi.pk}/zh-hans/"
    translator.goto(site + workbench)

    keys = translator.locator("details.workbench-keys")
    keys.locator("summary").click()
    expect(keys.locator("summary")).to_have_text(
        in_admin_language(admin_language, "Keyboard shortcuts")
    )
    expect(keys).to_contain_text(in_admin_language(admin_language, "Next / previous segment"))

    names = translator.evaluate(
        """() => Array.from(document.querySelectorAll('.workbench-row'))
          .filter((row) => !row.closest('.workbench-locked'))
          .map((row) => row.querySelector('.workbench-target [name]'))
          .filter((field) => field && !field.readOnly && !field.disabled)
          .map((field) => field.name)"""
    )
    assert len(names) >= 3, names
    translator.locator("body").click()
    translator.keyboard.press("Alt+ArrowDown")
    assert focused_row_field(translator) == names[0]
    translator.keyboard.press("Alt+ArrowDown")
    translator.keyboard.press("Alt+ArrowDown")
    assert focused_row_field(translator) == names[2]
    translator.keyboard.press("Alt+ArrowUp")
    assert focused_row_field(translator) == names[1]

    # A translation typed in the summary, then Ctrl+Enter: saved (held back for a
    # publisher's approval) and on to the next record in the queue.
    summary = translator.locator(f"[name='cities.city-{karachi.pk}-summary_zh_hans']")
    summary.fill(summary.input_value() + "卡拉奇是巴基斯坦最大的城市。")
    summary.focus()
    with translator.expect_navigation():
        translator.keyboard.press("Control+Enter")
    expect(translator.locator(".messagelist")).to_contain_text(
        in_admin_language(admin_language, HELD_BACK)
    )
    assert not translator.url.endswith(workbench)
