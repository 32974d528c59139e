"""The demo's counts of what waits for translation, as a translator sees them in the
queue and the matrix, in both admin languages, at phone and desk widths."""

import pytest
from playwright.sync_api import expect

from news.models import Article
from portal.editorial import memory, summaries
from tests.browser.conftest import WIDTHS, screenshot
from tests.browser.test_editorial_story import people, signed_in  # noqa: F401 (a fixture)
from tests.browser.test_translation_lifecycle import fits, in_the_admin_language

pytestmark = pytest.mark.browser

DRAFT = "shenyang-and-karachi-three-years-of-cooperation"
SHOWN = {
    "en": ("words", "exact", "fuzzy", "new"),
    "zh-hans": ("词", "完全匹配", "模糊匹配", "新译"),
}


@pytest.mark.parametrize("admin_language", ["en", "zh-hans"])
def test_the_queue_and_matrix_show_the_demo_s_counts(browser, people, admin_language):  # noqa: F811
    site = people
    # As `manage.py loaddemo` does: the memory from the approved report, then the counts.
    memory.rebuild()
    summaries.refresh_counts()
    page = in_the_admin_language(signed_in(browser, site, "Translators"), site, admin_language)
    draft = Article.objects.get(slug=DRAFT)
    workbench = f"/admin/translate/news.article/{draft.pk}/zh-hans/"
    english_admin = admin_language == "en"

    page.goto(f"{site}/admin/translations/?language=zh-hans")
    item = page.locator(".queue-item").filter(has=page.locator(f"a[href='{workbench}']"))
    count = item.locator(".translation-count")
    for text in SHOWN[admin_language]:
        expect(count).to_contain_text(text)
    expect(count).not_to_contain_text(f"{SHOWN[admin_language][1]} 0 ")  # the memory helps
    expect(page.locator(".translation-legend")).to_be_visible()
    assert fits(page, WIDTHS["phone"], english_admin) == []
    screenshot(page, f"queue-counts-{admin_language}")

    page.goto(f"{site}/admin/translations/matrix/?type=news.article")
    cell = page.locator(".matrix-scroll td").filter(has=page.locator(f"a[href='{workbench}']"))
    for text in SHOWN[admin_language]:
        expect(cell.locator(".translation-count")).to_contain_text(text)
    expect(page.locator(".matrix-count-totals")).to_contain_text(SHOWN[admin_language][0])
    assert fits(page, WIDTHS["phone"], english_admin) == []
    screenshot(page, f"matrix-counts-{admin_language}")
