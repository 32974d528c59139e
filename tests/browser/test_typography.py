"""The demo's public pages fit a phone and read as Chinese typography asks, in Chromium.

In both languages, standard and care mode, at 320, 360, 390 and 1,280 px: no page
scrolls sideways, the brand never runs into the header's buttons, and no date,
number with its unit or footnote group is broken across lines. On Chinese pages the
interface text has no ASCII ":" or "," (addresses, grouped numbers, clock times,
code and text marked as English aside). One browser page visits them all.
"""

import pytest

from portal.demo.loader import load_demo

WIDTHS = (320, 360, 390, 1280)
PAGES = [
    "/",
    "/cities/",
    "/cities/karachi/",
    "/news/",
    "/news/shenyang-and-karachi-become-sister-cities/",
    "/office/",
    "/office/contact/",
    "/office/guides/",
]
SEARCH = {"zh-hans": "卡拉奇", "en": "Karachi"}

# Text nodes a Chinese reader sees, outside code and English passages, with what may
# rightly hold ASCII punctuation taken out: addresses, grouped numbers, clock times.
ASCII_PUNCTUATION = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!element || element.closest('script, style, code, pre, kbd, samp, [lang^="en"]')) continue;
    if (!element.checkVisibility()) continue;
    const text = node.data
      .replace(/(https?:\/\/|www\.)\S+/g, "")
      .replace(/\b[\w.-]+\.(com|cn|org|net|gov|jp|kr)\b\S*/g, "")
      .replace(/\d{1,3}(,\d{3})+/g, "")
      .replace(/\d{1,2}:\d\d/g, "");
    if (/[:,]/.test(text)) found.push(node.data.trim().slice(0, 80));
  }
  return found;
}"""

# The page's width, whether the brand runs into the header's tools, and every date,
# number with its unit or footnote group that is broken across lines.
LAYOUT = r"""() => {
  const box = (selector) => document.querySelector(selector)?.getBoundingClientRect();
  const brand = box(".brand-text"), tools = box(".header-tools");
  const overlap = Boolean(brand && tools && brand.right > tools.left && brand.left < tools.right
    && brand.bottom > tools.top && brand.top < tools.bottom);
  const broken = [...document.querySelectorAll("main time, main .nowrap")]
    .filter((element) => element.checkVisibility())
    .filter((element) => new Set([...element.getClientRects()].map((r) => r.top)).size > 1)
    .map((element) => element.textContent.trim());
  return {width: document.documentElement.scrollWidth, overlap, broken};
}"""


@pytest.fixture
def site(live_server, transactional_db):
    load_demo()
    return live_server.url


def pages(page, site, lang):
    """The demo's pages in `lang`, with the service guides the demo has published."""
    page.goto(f"{site}/{lang}/office/guides/")
    guides = page.eval_on_selector_all(
        "main a[href*='/office/guides/']", "links => links.map(link => link.pathname)"
    )
    paths = [f"/{lang}{path}" for path in PAGES] + sorted(set(guides) - {f"/{lang}/office/guides/"})
    return [*paths, f"/{lang}/search/?q={SEARCH[lang]}"]


def test_pages_fit_phones_and_chinese_text_is_punctuated_in_full_width(browser, site):
    problems = []
    for care in (False, True):
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
        if care:
            context.add_cookies([{"name": "care_mode", "value": "1", "url": site}])
        page = context.new_page()
        for lang in ("zh-hans", "en"):
            for path in pages(page, site, lang):
                mode = "care" if care else "standard"
                page.set_viewport_size({"width": WIDTHS[0], "height": 800})
                assert page.goto(site + path).status == 200, path
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 800})
                    layout = page.evaluate(LAYOUT)
                    if layout["width"] > width:
                        problems.append(f"{mode} {path} at {width}px: {layout['width']}px wide")
                    if layout["overlap"]:
                        problems.append(f"{mode} {path} at {width}px: brand touches the buttons")
                    if layout["broken"]:
                        problems.append(f"{mode} {path} at {width}px: broken {layout['broken']}")
                if lang == "zh-hans":
                    for text in page.evaluate(ASCII_PUNCTUATION):
                        problems.append(f"{mode} {path}: ASCII punctuation in {text!r}")
        context.close()
    assert problems == []


def test_the_english_brand_is_the_office_name_in_at_most_three_lines_on_a_phone(browser, site):
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto(f"{site}/en/")
    brand = page.locator(".brand-text")
    lines = brand.evaluate(
        "e => Math.round(e.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(e.firstElementChild).lineHeight))"
    )
    name = "Foreign Affairs Office of the People's Government of Shenyang Municipality"
    assert " ".join(brand.inner_text().split()) == name
    assert lines <= 3
    page.close()
