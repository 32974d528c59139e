"""Office pages and yearly reports follow the language-edition rule of articles:
left out of a language's footer, lists, site maps and search until whole there
(or published in the original only, marked, with a notice); an absent edition's
address says so, not indexed."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from office.models import ReportRow
from portal.models import Office
from tests.factories import make_office_page, make_report
from tests.sitemap import sitemap_urls

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def office(db):
    # The footer links the office's pages once there is an office record.
    return Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")


FOOTER_LINK = 'href="/en/office/accessibility/"'


def chinese_only(kind, **fields):
    return make_office_page(
        kind,
        title_zh_hans="无障碍声明",
        title_en="",
        body_zh_hans="<p>本网站支持读屏软件。</p>",
        original_language="zh-hans",
        **fields,
    )


def test_an_untranslated_statement_is_left_out_of_the_english_site(client):
    chinese_only("accessibility")
    english, chinese = client.get("/en/office/"), client.get("/zh-hans/office/")
    assertNotContains(english, FOOTER_LINK)
    assertContains(chinese, 'href="/zh-hans/office/accessibility/"')
    assertNotContains(client.get("/en/sitemap/"), FOOTER_LINK)
    assertContains(client.get("/zh-hans/sitemap/"), 'href="/zh-hans/office/accessibility/"')
    urls = sitemap_urls(client)
    assert "http://testserver/zh-hans/office/accessibility/" in urls
    assert "http://testserver/en/office/accessibility/" not in urls


def test_an_absent_statement_says_so_not_indexed_and_links_the_original(client):
    chinese_only("accessibility")
    page = client.get("/en/office/accessibility/")
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assertContains(page, "The text of this page is not yet available in English.")
    assertContains(page, 'href="/zh-hans/office/accessibility/"')
    assertNotContains(page, "本网站支持读屏软件")
    # The language switch of the Chinese statement leads to About in English.
    assertContains(client.get("/zh-hans/office/accessibility/"), "?next=%2Fen%2Foffice%2F")


def test_a_statement_published_in_the_original_only_is_linked_marked_with_a_notice(client):
    chinese_only("accessibility", original_only=True)
    assertContains(client.get("/en/office/"), FOOTER_LINK)
    site_map = client.get("/en/sitemap/")
    assertContains(site_map, FOOTER_LINK)
    assertContains(site_map, "Chinese only")
    page = client.get("/en/office/accessibility/")
    assert page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This page is published in Chinese only")
    assertContains(page, "本网站支持读屏软件")
    assert "http://testserver/en/office/accessibility/" not in sitemap_urls(client)


@pytest.mark.parametrize("kind", ["about", "contact"])
def test_about_and_contact_without_their_text_in_english_say_so(client, kind):
    chinese_only(kind, summary_zh_hans="外事办公室简介。")
    address = "/en/office/" + ("" if kind == "about" else "contact/")
    page = client.get(address)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assertContains(page, "The text of this page is not yet available in English.")
    assertContains(page, f'href="{address.replace("/en/", "/zh-hans/")}"')
    assertNotContains(page, "本网站支持读屏软件")
    assertNotContains(page, "外事办公室简介")
    chinese = client.get(address.replace("/en/", "/zh-hans/"))
    assert "X-Robots-Tag" not in chinese
    assertContains(chinese, "本网站支持读屏软件")
    # Search engines are offered the Chinese edition only.
    assertNotContains(chinese, '<link rel="alternate" hreflang="en"')
    assertContains(chinese, '<link rel="alternate" hreflang="zh-hans"')
    urls = sitemap_urls(client)
    assert f"http://testserver{address}" not in urls
    assert f"http://testserver{address.replace('/en/', '/zh-hans/')}" in urls


def test_about_and_contact_without_pages_are_in_the_sitemap_in_both_languages(client):
    urls = sitemap_urls(client)
    for address in ("/office/", "/office/contact/"):
        for language in ("zh-hans", "en"):
            assert f"http://testserver/{language}{address}" in urls


def test_whole_office_pages_are_indexed_in_both_languages(client):
    make_office_page("accessibility", title_en="Accessibility", title_zh_hans="无障碍")
    for language in ("zh-hans", "en"):
        page = client.get(f"/{language}/office/accessibility/")
        assert page.status_code == 200 and "X-Robots-Tag" not in page
    assertContains(client.get("/en/office/"), FOOTER_LINK)


def test_an_untranslated_page_is_not_found_by_english_search(client):
    chinese_only("accessibility")
    assertNotContains(client.get("/en/search/", {"q": "读屏软件"}), "/office/accessibility/")
    assertContains(client.get("/zh-hans/search/", {"q": "读屏软件"}), "/office/accessibility/")


def chinese_report(**fields):
    return make_report(
        2024, rows=[("", "网站总访问量", "12345")], original_language="zh-hans", **fields
    )


def test_a_report_with_an_untranslated_row_is_left_out_of_the_english_site(client):
    report = chinese_report()
    assert report.translation_status()["en"] == "missing"
    assertNotContains(client.get("/en/office/"), "/en/office/reports/2024/")
    assertNotContains(client.get("/en/sitemap/"), "/en/office/reports/2024/")
    assertContains(client.get("/zh-hans/office/"), "/zh-hans/office/reports/2024/")
    page = client.get("/en/office/reports/2024/")
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This website report is not yet available in English.")
    assertContains(page, 'href="/zh-hans/office/reports/2024/"')
    assertNotContains(page, "网站总访问量")
    assert "http://testserver/en/office/reports/2024/" not in sitemap_urls(client)


def test_translating_the_last_row_puts_the_report_on_the_english_site(client):
    report = chinese_report()
    ReportRow.objects.filter(report=report).update(item_en="Total visits")
    row = report.rows.get()  # saved through the model, as the admin and workbench do
    row.value_en = "12345"
    row.save()
    report.refresh_from_db()
    assert report.translation_states["en"] == "complete"
    assertContains(client.get("/en/office/"), "/en/office/reports/2024/")
    page = client.get("/en/office/reports/2024/")
    assert "X-Robots-Tag" not in page
    assertContains(page, "Total visits")
    row.delete()
    ReportRow.objects.create(report=report, item_zh_hans="新栏目", value_zh_hans="1")
    report.refresh_from_db()
    assert report.translation_states["en"] == "missing"


def test_a_report_published_in_the_original_only_is_listed_marked_with_a_notice(client):
    chinese_report(original_only=True)
    about = client.get("/en/office/")
    assertContains(about, "/en/office/reports/2024/")
    assertContains(about, "Chinese only")
    page = client.get("/en/office/reports/2024/")
    assert page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This website report is published in Chinese only")
    assertContains(page, "网站总访问量")
