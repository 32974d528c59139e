"""The public site as a visitor sees and uses it, in Chromium, in both languages.

Every page is checked with axe-core (no violations), saved as screenshots at
390 px and 1280 px, and must ask no other host for anything.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.demo.loader import load_demo
from tests.browser.conftest import screenshot

ARTICLE = "shenyang-and-karachi-become-sister-cities"
PAGES = {
    "home": "/{lang}/",
    "cities": "/{lang}/cities/",
    "city": "/{lang}/cities/karachi/",
    "news": "/{lang}/news/",
    "article": f"/{{lang}}/news/{ARTICLE}/",
    "search": "/{lang}/search/?q={query}",
    "not-found": "/{lang}/no-such-page/",
}
QUERIES = {"zh-hans": "卡拉奇", "en": "Karachi"}
AXE = Axe()


@pytest.fixture
def site(live_server, transactional_db):
    load_demo()
    return live_server.url


def violations(page):
    results = AXE.run(page)
    return [
        (rule["id"], [node["target"] for node in rule["nodes"]][:3])
        for rule in results.response["violations"]
    ]


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_local_and_photographed(page, site, name, lang):
    page.goto(site + PAGES[name].format(lang=lang, query=QUERIES[lang]))
    expect(page.locator("h1")).to_have_count(1)
    assert page.locator("html").get_attribute("lang") == lang
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert violations(page) == [], f"axe at {width}px"
    screenshot(page, f"{name}-{lang}")
    assert page.request_log.foreign(page.live_netloc) == []


def test_language_switch_on_a_city_page_lands_on_the_same_city(page, site):
    page.goto(site + "/zh-hans/cities/karachi/")
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(site + "/en/cities/karachi/")
    expect(page.locator("h1")).to_have_text("Karachi")
    page.get_by_role("link", name="中文").click()
    page.wait_for_url(site + "/zh-hans/cities/karachi/")
    expect(page.locator("h1")).to_have_text("卡拉奇")
    page.goto(site + "/")
    page.wait_for_url(site + "/zh-hans/")


@pytest.mark.parametrize(
    ("lang", "query", "hit"), [("zh-hans", "沈阳", "沈阳与巴基斯坦"), ("en", "karachi", "Karachi")]
)
def test_search_from_the_header(page, site, lang, query, hit):
    page.goto(site + f"/{lang}/")
    page.locator("#site-search-q").fill(query)
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url(f"**/{lang}/search/?q=*")
    expect(page.locator("#article-results + ul mark, .card mark").first).to_be_visible()
    expect(page.locator("main")).to_contain_text(hit)


def test_filtering_the_city_list(page, site):
    page.goto(site + "/en/cities/")
    expect(page.locator(".result-count")).to_contain_text("22 partner cities")
    page.get_by_label("Continent").select_option("oceania")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".result-count")).to_contain_text("0 partner cities")
    page.get_by_label("Continent").select_option("asia")
    page.get_by_label("Country").select_option("PK")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".card h3")).to_have_text(["Karachi"])


def test_following_a_diagram_marker(page, site):
    page.goto(site + "/en/cities/")
    page.get_by_role("link", name="2 cities: Karachi, Jinja").locator("circle").first.click()
    page.locator(".diagram-table").get_by_role("link", name="Karachi").click()
    page.wait_for_url(site + "/en/cities/karachi/")
    expect(page.locator("h1")).to_have_text("Karachi")


def test_keyboard_alone_reaches_everything(page, site):
    page.goto(site + "/en/cities/karachi/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for path in ("/en/cities/", "/zh-hans/news/"):
        page.goto(site + path)
        # Number every visible link and control, then Tab through the page.
        count = page.evaluate(
            """() => [...document.querySelectorAll('a[href], button, input, select')]
                  .filter(el => el.getClientRects().length && !el.closest('details:not([open])'))
                  .map((el, i) => el.setAttribute('data-kb', i)).length"""
        )
        reached = set()
        for _ in range(count + 3):
            page.keyboard.press("Tab")
            reached.add(page.evaluate("document.activeElement.getAttribute('data-kb')"))
        assert {str(i) for i in range(count)} <= reached, path


def test_print_shows_the_content_without_the_furniture(page, site):
    page.goto(site + f"/en/news/{ARTICLE}/")
    page.emulate_media(media="print")
    for furniture in (".nav-bar", ".language-switch", ".site-search", ".breadcrumbs"):
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".prose")).to_be_visible()
    page.pdf(path=str(screenshot.__globals__["SCREENSHOTS"] / "article-en-print.pdf"))


def control_tops(page):
    """The top edge of each filter's control (its select, or the Show button)."""
    return page.locator(".filters select, .filters .button").evaluate_all(
        "elements => elements.map(element => Math.round(element.getBoundingClientRect().top))"
    )


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize(
    "path", ["/{lang}/news/?city=atlantis", "/{lang}/cities/?continent=atlantis"]
)
def test_a_filter_with_a_note_stays_in_line_with_the_others(page, site, lang, path):
    """At desk width the filters stand in one row: a dropped choice's note goes
    below its own field without lifting that field's control above the others'."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + path.format(lang=lang))
    expect(page.locator(".filters .errorlist")).to_have_count(1)
    tops = control_tops(page)
    assert len(tops) >= 3 and len(set(tops)) == 1, tops
    screenshot(page, f"filters-with-a-note-{path.split('/')[2]}-{lang}")
    page.set_viewport_size({"width": 390, "height": 900})
    tops = control_tops(page)
    assert tops == sorted(tops) and len(set(tops)) == len(tops), tops
