"""Stale is not missing, beyond the cities: an article, an office page, a service guide
and a website report keep their last whole translation under the dated notice when
their original changes; an edition that was never complete stays out."""

import xml.etree.ElementTree as ET

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial.models import Edition
from portal.models import Office
from tests.admin_forms import admin_form_data
from tests.factories import make_guide, make_office_page, make_report
from tests.portal.editions import chinese_article, hreflangs
from tests.sitemap import sitemap_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_a_chinese_edit_keeps_the_english_article_everywhere(client):
    article = Article.objects.get(pk=chinese_article().pk)
    article.body_zh_hans = "<p>卡拉奇市代表团访问沈阳，签署合作备忘录。</p>"
    article.save()
    response = client.get("/en/news/visit/")
    assert "X-Robots-Tag" not in response
    assertContains(response, "A delegation from Karachi visited Shenyang.")
    assertContains(
        response,
        '<div class="edition-notice" role="note"><p>The Chinese original was updated on '
        '<time datetime="2026-12-07">7 December 2026</time>; this English translation has '
        "not been updated yet.</p>"
        '<p><a href="/zh-hans/news/visit/" hreflang="zh-hans">Read it in Chinese</a></p></div>',
        html=True,
    )
    assert hreflangs(response) == {"zh-hans", "en", "x-default"}
    for path in ("/en/", "/en/news/"):
        assertContains(client.get(path), "Karachi delegation visits Shenyang")
    channel = ET.fromstring(client.get("/en/news/feed/").content).find("channel")
    assert [item.find("link").text for item in channel.findall("item")] == [
        "http://testserver/en/news/visit/"
    ]
    assertContains(client.get("/en/search/", {"q": "delegation"}), 'href="/en/news/visit/"')
    assert "http://testserver/en/news/visit/" in sitemap_urls(client)


def test_a_never_complete_edition_stays_out_when_its_original_changes(client):
    """Half a translation is not an edition: the original's change keeps it absent."""
    article = chinese_article(body_en="")
    article = Article.objects.get(pk=article.pk)
    article.title_zh_hans = "卡拉奇代表团再次访问沈阳"
    article.save()
    assert article.edition("en") == Edition.ABSENT
    assertNotContains(client.get("/en/news/"), "Karachi delegation")
    response = client.get("/en/news/visit/")
    assert response["X-Robots-Tag"] == "noindex"
    assertContains(response, "<h1>This report is not yet available in English.</h1>", html=True)
    assert "http://testserver/en/news/visit/" not in sitemap_urls(client)


@pytest.fixture
def office(db):
    return Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")


def test_an_office_page_keeps_its_english_edition_with_the_notice(client, office):
    page = make_office_page(
        "accessibility",
        title_zh_hans="无障碍声明",
        title_en="Accessibility statement",
        body_zh_hans="<p>本网站支持读屏软件。</p>",
        body_en="<p>This site works with screen readers.</p>",
        original_language="zh-hans",
    )
    page.body_zh_hans = "<p>本网站支持读屏软件和关怀模式。</p>"
    page.save()
    response = client.get("/en/office/accessibility/")
    assert "X-Robots-Tag" not in response
    assertContains(response, "This site works with screen readers.")
    assertContains(response, "The Chinese original was updated on")
    assertContains(response, '<a href="/zh-hans/office/accessibility/" hreflang="zh-hans">')
    assertContains(client.get("/en/office/"), 'href="/en/office/accessibility/"')
    assert "http://testserver/en/office/accessibility/" in sitemap_urls(client)


def test_a_service_guide_keeps_its_english_edition_with_the_notice(client):
    guide = make_guide(
        slug="invitations",
        title_zh_hans="邀请外国人来华",
        title_en="Inviting foreign visitors",
        summary_zh_hans="接待单位申请邀请函。",
        summary_en="Host organisations apply for an invitation letter.",
        original_language="zh-hans",
    )
    guide.summary_zh_hans = "接待单位在线申请邀请函。"
    guide.save()
    response = client.get("/en/office/guides/invitations/")
    assert "X-Robots-Tag" not in response
    assertContains(response, "Host organisations apply for an invitation letter.")
    assertContains(response, "The Chinese original was updated on")
    assertContains(client.get("/en/office/guides/"), "/en/office/guides/invitations/")
    assertContains(client.get("/en/search/", {"q": "invitation"}), "/en/office/guides/invitations/")


def test_a_report_keeps_its_english_edition_when_a_row_is_added_in_chinese(client, office, sign_in):
    """A part (a row of the report's table) added in the admin makes the edition stale
    like a changed field: it was complete before the change."""
    report = make_report(
        2024, rows=[("Total visits", "网站总访问量", "12345")], original_language="zh-hans"
    )
    sign_in("Publishers")
    url = f"/admin/office/websitereport/{report.pk}/change/"
    new_row = {
        "rows-TOTAL_FORMS": "2",
        "rows-1-position": "1",
        "rows-1-item_zh_hans": "政务新媒体数量",
        "rows-1-value_zh_hans": "3",
    }
    response = client.post(url, admin_form_data(client.get(url), **new_row), follow=True)
    assertContains(response, "The English edition now shows its previous translation")
    report.refresh_from_db()
    assert report.translation_states["en"] == "missing"
    assert report.edition("en") == Edition.STALE
    page = client.get("/en/office/reports/2024/")
    assert "X-Robots-Tag" not in page
    assertContains(page, "Total visits")
    assertContains(page, "The Chinese original was updated on")
    assertContains(client.get("/en/office/"), "/en/office/reports/2024/")


def test_a_new_report_whose_rows_lack_english_was_never_complete(client, office, sign_in):
    """Created with its rows in one save, the report was not complete in between."""
    sign_in("Publishers")
    page = client.get("/admin/office/websitereport/add/")
    data = admin_form_data(
        page,
        year="2025",
        original_language="zh-hans",
        status="published",
        **{
            "rows-TOTAL_FORMS": "1",
            "rows-0-position": "0",
            "rows-0-item_zh_hans": "网站总访问量",
            "rows-0-value_zh_hans": "12345",
        },
    )
    response = client.post("/admin/office/websitereport/add/", data, follow=True)
    assertNotContains(response, "previous translation")
    assertContains(
        client.get("/en/office/reports/2025/"),
        "This website report is not yet available in English.",
    )
    assertNotContains(client.get("/en/office/"), "/en/office/reports/2025/")
