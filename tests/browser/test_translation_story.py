"""A language edition published only when it is whole, in Chromium.

An editor writes a report in Chinese only and a publisher publishes it in
Chinese; English visitors find it nowhere, and its English address says it is
not yet in English. A translator opens it from the queue in the workbench,
sees the official names 卡拉奇 → Karachi and 吕志成 → Lyu Zhicheng required,
leaves one out and is warned, fixes it and saves; the change waits for the
publisher, who applies it; the English edition is then everywhere.
"""

import re
from html import unescape

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from news.models import Article
from tests.browser.conftest import WIDTHS, screenshot
from tests.browser.test_editorial_story import (
    people,  # noqa: F401 (a fixture)
    save,
    show_tab,
    signed_in,
    write_rich_text,
)
from tests.factories import make_article

SLUG = "karachi-delegation-visits-shenyang"
TITLE_ZH = "卡拉奇代表团访问沈阳"
TITLE_EN = "Karachi delegation visits Shenyang"
AXE = Axe()


def violations(page):
    """axe-core's violations at phone and desk widths."""
    found = []
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        results = AXE.run(page)
        found += [
            (width, rule["id"], [node["target"] for node in rule["nodes"]][:3])
            for rule in results.response["violations"]
        ]
    page.set_viewport_size({"width": WIDTHS["desk"], "height": 900})
    return found


def news_sitemaps(page, site):
    """Every news sitemap page the index lists (a page holds an id range, and on
    PostgreSQL ids go on from earlier tests: the report need not be on page 1)."""
    index = page.request.get(f"{site}/sitemap.xml").text()
    pages = re.findall(r"<loc>[^<]*(/sitemap-news\.xml[^<]*)</loc>", index)
    assert pages, "the index lists the news sitemap"
    return "".join(page.request.get(site + unescape(path)).text() for path in pages)


def english_channels(page, site):
    """What an English visitor finds of the report: list, feed, sitemap, search."""
    found = {}
    page.goto(f"{site}/en/news/")
    found["list"] = TITLE_EN in page.content() or TITLE_ZH in page.content()
    feed = page.request.get(f"{site}/en/news/feed/").text()
    found["feed"] = SLUG in feed
    found["sitemap"] = f"/en/news/{SLUG}/" in news_sitemaps(page, site)
    page.goto(f"{site}/en/search/?q=delegation")
    search = page.content()
    page.goto(f"{site}/en/search/?q=卡拉奇代表团")
    found["search"] = f"/en/news/{SLUG}/" in search + page.content()
    return found


def test_an_english_edition_appears_only_when_it_is_whole(browser, people):  # noqa: F811
    site = people

    # An editor writes the report in Chinese.
    editor = signed_in(browser, site, "Editors")
    editor.goto(f"{site}/admin/news/article/add/")
    show_tab(editor, "title", "zh_hans")
    editor.fill("#id_title_zh_hans", TITLE_ZH)
    editor.fill("#id_slug", SLUG)
    write_rich_text(editor, "body", "zh_hans", "代市长吕志成会见卡拉奇代表团。")
    editor.select_option("#id_original_language", "zh-hans")
    save(editor)
    article = Article.objects.get(slug=SLUG)

    # A publisher publishes it in Chinese, told what English visitors will get.
    publisher = signed_in(browser, site, "Publishers")
    change_url = f"{site}/admin/news/article/{article.pk}/change/"
    publisher.goto(change_url)
    expect(publisher.locator("#editions .edition-absent")).to_contain_text(
        "Left out of the English lists"
    )
    publisher.select_option("#id_status", "published")
    save(publisher)

    # English visitors do not find it; its English address says why.
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    assert english_channels(visitor, site) == {
        "list": False,
        "feed": False,
        "sitemap": False,
        "search": False,
    }
    response = visitor.goto(f"{site}/en/news/{SLUG}/")
    assert response.status == 200 and response.headers["x-robots-tag"] == "noindex"
    expect(visitor.locator("h1")).to_have_text("This report is not yet available in English.")
    expect(visitor.get_by_role("link", name="Read it in Chinese")).to_have_attribute(
        "href", f"/zh-hans/news/{SLUG}/"
    )
    assert violations(visitor) == []
    screenshot(visitor, "edition-absent-en")
    visitor.goto(f"{site}/zh-hans/news/{SLUG}/")
    expect(visitor.locator("h1")).to_have_text(TITLE_ZH)

    # A translator opens it from the queue in the workbench.
    translator = signed_in(browser, site, "Translators")
    translator.goto(f"{site}/admin/translations/?language=en")
    translator.get_by_role("link", name=TITLE_ZH).click()
    expect(translator).to_have_url(f"{site}/admin/translate/news.article/{article.pk}/en/")
    prefix = f"news.article-{article.pk}"
    body_row = translator.locator(f".workbench-row:has([name='{prefix}-body_en'])")
    expect(body_row.locator(".workbench-terms")).to_contain_text("卡拉奇 → Karachi")
    expect(body_row.locator(".workbench-terms")).to_contain_text("吕志成 → Lyu Zhicheng")
    translator.fill(f"[name='{prefix}-title_en']", TITLE_EN)
    editor_box = body_row.locator("[contenteditable=true]")
    editor_box.click()
    translator.keyboard.type("Acting Mayor Lyu Zhicheng met the delegation.")
    warning = body_row.locator(".workbench-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Karachi")
    assert violations(translator) == []
    screenshot(translator, "workbench-warning")
    translator.keyboard.press("Control+A")
    translator.keyboard.type("Acting Mayor Lyu Zhicheng met the delegation from Karachi.")
    expect(warning).to_be_hidden()
    translator.get_by_role("button", name="Save", exact=True).click()
    expect(translator.locator(".messagelist")).to_contain_text("wait for a publisher")
    assert english_channels(visitor, site)["list"] is False  # not until it is applied

    # The publisher applies the change: the English edition is everywhere.
    publisher.goto(change_url)
    with publisher.expect_navigation():
        publisher.get_by_role("button", name="Apply and publish").click()
    expect(publisher.locator(".messagelist .success")).to_be_visible()
    english = publisher.locator("#editions tbody tr").filter(has_text="English")
    expect(english).to_contain_text("Visitors read it in English")
    assert english_channels(visitor, site) == {
        "list": True,
        "feed": True,
        "sitemap": True,
        "search": True,
    }
    visitor.goto(f"{site}/en/news/{SLUG}/")
    expect(visitor.locator("h1")).to_have_text(TITLE_EN)
    expect(visitor.locator(".prose")).to_contain_text("delegation from Karachi")
    assert visitor.locator("link[hreflang=en]").count() == 1


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_workbench_and_matrix_are_accessible_in_both_admin_languages(browser, people, lang):  # noqa: F811
    site = people
    translator = signed_in(browser, site, "Translators")
    translator.context.add_cookies([{"name": "django_language", "value": lang, "url": site}])
    city = "karachi"
    translator.goto(f"{site}/admin/cities/city/?q={city}")
    translator.locator("#result_list a.translation-state").first.click()
    expect(translator.locator(".workbench-unit").first).to_be_visible()
    assert violations(translator) == []
    screenshot(translator, f"workbench-city-{lang}")
    translator.goto(f"{site}/admin/translations/matrix/")
    expect(translator.locator(".matrix-totals")).to_be_visible()
    assert violations(translator) == []
    screenshot(translator, f"translation-matrix-{lang}")

    # The notice a visitor of this language gets for a report written in the other.
    other = "en" if lang == "zh-hans" else "zh-hans"
    texts = {"zh-hans": ("卡拉奇代表团访问沈阳", ""), "en": ("", "Karachi delegation visits")}
    title_zh, title_en = texts[other]
    make_article(
        slug="not-here-yet",
        title_zh_hans=title_zh,
        title_en=title_en,
        body_zh_hans="<p>正文。</p>" if other == "zh-hans" else "",
        body_en="<p>Text.</p>" if other == "en" else "",
        original_language=other,
    )
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    assert visitor.goto(f"{site}/{lang}/news/not-here-yet/").status == 200
    expect(visitor.locator("main h1")).to_contain_text(
        "本报道尚无中文版本。" if lang == "zh-hans" else "not yet available in English"
    )
    assert violations(visitor) == []
    screenshot(visitor, f"edition-absent-{lang}")
