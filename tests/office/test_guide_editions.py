"""A service guide's language edition follows the same rule as an article's."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_guide

pytestmark = pytest.mark.django_db


def chinese_only(**fields):
    return make_guide(
        slug="invitations",
        title_zh_hans="邀请外国人来华",
        title_en="",
        original_language="zh-hans",
        **fields,
    )


def test_an_untranslated_guide_is_absent_from_the_english_site(client):
    chinese_only()
    assertNotContains(client.get("/en/office/guides/"), "/en/office/guides/invitations/")
    assertContains(client.get("/zh-hans/office/guides/"), "/zh-hans/office/guides/invitations/")
    page = client.get("/en/office/guides/invitations/")
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This service guide is not yet available in English.")
    assertContains(page, 'href="/zh-hans/office/guides/invitations/"')


def test_a_guide_published_in_the_original_only_is_listed_marked_with_a_notice(client):
    chinese_only(original_only=True)
    assertContains(client.get("/en/office/guides/"), "/en/office/guides/invitations/")
    page = client.get("/en/office/guides/invitations/")
    assert page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This service guide is published in Chinese only")


def test_a_whole_guide_is_in_both_languages(client):
    make_guide(slug="passports", title_zh_hans="因公护照", title_en="Official passports")
    for language in ("zh-hans", "en"):
        page = client.get(f"/{language}/office/guides/passports/")
        assert page.status_code == 200 and "X-Robots-Tag" not in page


def test_an_untranslated_guide_is_not_in_english_search_or_site_map(client):
    chinese_only(summary_zh_hans="接待单位申请邀请函。")
    assertNotContains(client.get("/en/search/", {"q": "邀请函"}), "/office/guides/invitations/")
    assertContains(client.get("/zh-hans/search/", {"q": "邀请函"}), "/office/guides/invitations/")
    assertNotContains(client.get("/en/sitemap/"), "/en/office/guides/invitations/")
    assertNotContains(client.get("/en/office/"), "/en/office/guides/invitations/")


def test_a_guide_in_the_original_only_is_found_by_english_search_marked(client):
    chinese_only(original_only=True, summary_zh_hans="接待单位申请邀请函。")
    found = client.get("/en/search/", {"q": "邀请函"})
    assertContains(found, "/en/office/guides/invitations/")
    assertContains(found, "Chinese only")
    assertContains(client.get("/en/sitemap/"), "Chinese only")
