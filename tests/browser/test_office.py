"""The office on its own site, through Chromium: contact from the footer, a service guide
from the navigation and from search, its form downloaded; care mode on, kept across
pages and languages, and off. axe-core finds nothing in either mode (in care mode
with its AAA contrast and target-size rules as well), at phone and desk widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from office.models import GuideForm
from portal.demo.loader import load_demo
from portal.models import Office
from tests.browser.conftest import WIDTHS, screenshot
from tests.factories import make_guide
from tests.pdfs import form_pdf

AXE = Axe()
CARE_RULES = {
    "resultTypes": ["violations"],
    "rules": {"color-contrast-enhanced": {"enabled": True}, "target-size": {"enabled": True}},
}
TEXT = {
    "zh-hans": {
        "contact": "联系我们", "guides": "办事指南", "guide": "因公护照申办指南",
        "query": "因公护照", "form": "申请表", "care": "关怀版", "standard": "标准版",
        "news": "新闻", "other": "English", "other_lang": "en",
        "other_standard": "Standard version",
    },
    "en": {
        "contact": "Contact", "guides": "Service guides", "guide": "Passports for official visits",
        "query": "passports", "form": "Application form", "care": "Care mode",
        "standard": "Standard version", "news": "News", "other": "中文", "other_lang": "zh-hans",
        "other_standard": "标准版",
    },
}  # fmt: skip


@pytest.fixture
def site(live_server, transactional_db):
    """The demo, its office with every footer convention set, and one published guide
    with its form (the demo's own guide is a draft)."""
    load_demo()
    Office.objects.update(
        site_code="2101000001",
        icp_number="辽ICP备12345678号-1",
        security_number="辽公网安备 21010202000123号",
    )
    guide = make_guide(
        slug="official-passports",
        title_en="Passports for official visits",
        title_zh_hans="因公护照申办指南",
        summary_en="How staff apply for passports for official visits.",
        summary_zh_hans="因公出国人员如何申办因公护照。",
        materials_en="Application form\nApproval of the visit",
        materials_zh_hans="申请表\n出访批件",
    )
    GuideForm.objects.create(
        guide=guide,
        title_en="Application form",
        title_zh_hans="申请表",
        file=ContentFile(form_pdf(), name="0123456789abcdef0123456789abcdef.pdf"),
    )
    return live_server.url


def violations(page, options=None):
    results = AXE.run(page, options=options or {"resultTypes": ["violations"]})
    return [
        (rule["id"], [node["target"] for node in rule["nodes"]][:3])
        for rule in results.response["violations"]
    ]


def open_nav(page, label):
    page.get_by_role("navigation", name="主导航").or_(page.get_by_role("navigation", name="Main"))
    page.locator(".main-nav").get_by_role("link", name=label, exact=True).click()


@pytest.mark.parametrize("width", WIDTHS.values())
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_contact_from_the_footer(page, site, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site}/{lang}/")
    page.locator(".site-footer").get_by_role("link", name=TEXT[lang]["contact"], exact=True).click()
    expect(page).to_have_url(f"{site}/{lang}/office/contact/")
    expect(page.locator("h1")).to_have_text(TEXT[lang]["contact"])
    expect(page.locator(".contact-layout svg, .contact-layout .standard-map")).to_have_count(0)
    assert violations(page) == []
    if width == WIDTHS["desk"]:
        screenshot(page, f"office-contact-{lang}")


@pytest.mark.parametrize("width", WIDTHS.values())
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_a_guide_from_navigation_and_search_and_its_form(page, site, lang, width):
    text = TEXT[lang]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site}/{lang}/")
    page.locator(".main-nav").get_by_role("link", name=text["guides"], exact=True).click()
    expect(page.locator("h1")).to_have_text(text["guides"])
    page.get_by_role("link", name=text["guide"]).click()
    expect(page.locator("h1")).to_have_text(text["guide"])
    assert violations(page) == []

    page.goto(f"{site}/{lang}/")
    page.locator("#site-search-q").fill(text["query"])
    page.locator("#site-search-q").press("Enter")
    page.locator("#office-results").locator("..").locator("..").get_by_role(
        "link", name=text["guide"]
    ).click()
    expect(page).to_have_url(f"{site}/{lang}/office/guides/official-passports/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=text["form"]).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as stream:
        assert stream.read(5) == b"%PDF-"
    if width == WIDTHS["desk"]:
        screenshot(page, f"office-guide-{lang}")


@pytest.mark.parametrize("width", WIDTHS.values())
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_care_mode_switches_on_survives_navigation_and_language_and_switches_off(
    page, site, lang, width
):
    text = TEXT[lang]
    html = page.locator("html")
    page.goto(f"{site}/{lang}/office/")
    desk = width == WIDTHS["desk"]
    if desk:
        screenshot(page, f"office-about-{lang}")
    page.set_viewport_size({"width": width, "height": 900})
    page.locator(".care-switch").get_by_role("link", name=text["care"]).click()
    expect(html).to_have_class("care")
    sizes = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('main p, main li'));"
        " return [parseFloat(s.fontSize), parseFloat(s.lineHeight) / parseFloat(s.fontSize)]; }"
    )
    assert sizes[0] >= 20 and sizes[1] >= 1.79, sizes
    assert violations(page, CARE_RULES) == [], f"care mode at {width}px"
    if desk:
        screenshot(page, f"office-about-care-{lang}")
    page.set_viewport_size({"width": width, "height": 900})

    page.locator(".main-nav").get_by_role("link", name=text["news"], exact=True).click()
    expect(page).to_have_url(f"{site}/{lang}/news/")
    expect(html).to_have_class("care")
    page.locator(".language-switch").get_by_role("link", name=text["other"]).click()
    expect(page).to_have_url(f"{site}/{text['other_lang']}/news/")
    expect(html).to_have_class("care")
    page.locator(".care-switch").get_by_role("link", name=text["other_standard"]).click()
    expect(page).to_have_url(f"{site}/{text['other_lang']}/news/")
    expect(html).not_to_have_class("care")


CARE_PAGES = ["/{lang}/", "/{lang}/cities/", "/{lang}/cities/karachi/", "/{lang}/news/",
              "/{lang}/office/contact/", "/{lang}/office/guides/official-passports/",
              "/{lang}/sitemap/", "/{lang}/office/accessibility/"]  # fmt: skip


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_every_page_type_passes_axe_in_both_modes(page, site, lang):
    for path in CARE_PAGES:
        page.goto(site + path.format(lang=lang))
        assert violations(page) == [], path
    page.goto(f"{site}/care/on/?next=/{lang}/")
    for path in CARE_PAGES:
        page.goto(site + path.format(lang=lang))
        expect(page.locator("html")).to_have_class("care")
        for width in WIDTHS.values():
            page.set_viewport_size({"width": width, "height": 900})
            assert violations(page, CARE_RULES) == [], (path, width)
        page.set_viewport_size({"width": WIDTHS["desk"], "height": 900})
    screenshot(page, f"care-accessibility-{lang}")


def test_care_mode_shows_the_diagram_labels(page, site):
    page.goto(f"{site}/care/on/?next=/en/cities/")
    labels = page.locator(".diagram a text:not(.count)")
    expect(labels.first).to_be_visible()
    for label in labels.all():
        expect(label).to_be_visible()
