"""A language edition is published once it is whole.

A published record is visible in a language when it is complete in it (the
original always is), was complete and its original changed since (stale, under
a notice: `test_stale_editions`), or a publisher chose "publish in the original
language only". Otherwise that language's lists, home, search, feed, sitemap and
related blocks leave it out, and its address there says it is not yet available.
The admin's side (what a publisher sees and chooses): `test_edition_admin`.
"""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial.models import Edition
from tests.factories import make_article, make_city
from tests.portal.editions import CHINESE_TITLE, XHTML, chinese_only, hreflangs
from tests.sitemap import sitemap_urls

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "Karachi delegation visits Shenyang"


def translate(article):
    article.title_en = ENGLISH_TITLE
    article.body_en = "<p>A delegation from Karachi visited Shenyang.</p>"
    article.save()


def test_the_rule_for_one_record_and_for_lists_agree():
    article = chinese_only()
    assert article.editions() == {"zh-hans": Edition.COMPLETE, "en": Edition.ABSENT}
    assert list(Article.objects.published().in_language("en")) == []
    assert list(Article.objects.published().in_language("zh-hans")) == [article]
    article.original_only = True
    article.save()
    assert article.edition("en") == Edition.ORIGINAL_ONLY
    assert list(Article.objects.published().in_language("en")) == [article]
    translate(article)
    assert article.editions() == {"zh-hans": Edition.COMPLETE, "en": Edition.COMPLETE}


def test_an_untranslated_article_is_left_out_of_every_english_channel(client):
    city = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    article = chinese_only(cities=[city])
    for path in ("/en/", "/en/news/", "/en/news/feed/", "/en/cities/karachi/"):
        assertNotContains(client.get(path), CHINESE_TITLE)
    assertNotContains(client.get("/en/search/?q=卡拉奇代表团"), "/en/news/visit/")
    assertNotContains(client.get("/en/news/?city=karachi"), CHINESE_TITLE)
    # The Chinese site has it everywhere.
    for path in ("/zh-hans/", "/zh-hans/news/", "/zh-hans/news/feed/", "/zh-hans/cities/karachi/"):
        assertContains(client.get(path), CHINESE_TITLE)
    assertContains(client.get("/zh-hans/search/?q=卡拉奇代表团"), 'href="/zh-hans/news/visit/"')
    urls = sitemap_urls(client)
    assert "http://testserver/en/news/visit/" not in urls
    chinese = urls["http://testserver/zh-hans/news/visit/"]
    alternates = {link.get("hreflang") for link in chinese.findall(f"{XHTML}link")}
    assert alternates == {"zh-hans", "x-default"}
    assert article.pk


def test_its_english_address_says_it_is_not_yet_in_english(client):
    chinese_only()
    response = client.get("/en/news/visit/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    assertContains(response, "<h1>This report is not yet available in English.</h1>", html=True)
    assertContains(
        response,
        '<a href="/zh-hans/news/visit/" hreflang="zh-hans">Read it in Chinese</a>',
        html=True,
    )
    assertContains(response, f'<p class="standfirst-lead" lang="zh-hans">{CHINESE_TITLE}</p>')
    assertNotContains(response, "卡拉奇代表团访问沈阳。")  # not the body
    assert hreflangs(response) == {"zh-hans", "x-default"}


def test_an_english_original_says_so_in_chinese(client):
    make_article(
        slug="forum",
        title_en="Forum opens",
        title_zh_hans="",
        body_zh_hans="",
        original_language="en",
    )
    response = client.get("/zh-hans/news/forum/")
    assertContains(response, "<h1>本报道尚无中文版本。</h1>", html=True)
    assertContains(response, "阅读英文原文")
    assertNotContains(client.get("/zh-hans/news/"), "Forum opens")


def test_the_original_page_offers_no_missing_edition(client):
    chinese_only()
    response = client.get("/zh-hans/news/visit/")
    assert "X-Robots-Tag" not in response
    assert hreflangs(response) == {"zh-hans", "x-default"}
    # The language switch goes to the English news list, not to a page that is not there.
    assertContains(response, "/language/en/?next=%2Fen%2Fnews%2F")
    assertNotContains(response, "next=%2Fen%2Fnews%2Fvisit%2F")


def test_published_in_the_original_only_is_listed_marked_with_a_notice(client):
    chinese_only(original_only=True)
    listed = client.get("/en/news/")
    assertContains(listed, CHINESE_TITLE)
    assertContains(listed, '<span class="tag only-in">Chinese only</span>', html=True)
    response = client.get("/en/news/visit/")
    assert response["X-Robots-Tag"] == "noindex"
    assertContains(
        response,
        '<div class="edition-notice" role="note"><p>This report is published in Chinese only; '
        "what follows is the original text.</p></div>",
        html=True,
    )
    assertContains(response, "卡拉奇代表团访问沈阳。")
    assert hreflangs(response) == {"zh-hans", "x-default"}
    assert hreflangs(client.get("/zh-hans/news/visit/")) == {"zh-hans", "x-default"}
    # The original language's own list carries no mark.
    assertNotContains(client.get("/zh-hans/news/"), "only-in")
    assertNotContains(client.get("/zh-hans/news/visit/"), "edition-notice")
    assert "http://testserver/en/news/visit/" not in sitemap_urls(client)
    assertContains(client.get("/en/search/?q=卡拉奇代表团"), "Chinese only")


def test_an_english_only_record_is_marked_in_chinese(client):
    make_article(
        slug="forum",
        title_en="Forum opens",
        title_zh_hans="",
        body_zh_hans="",
        original_language="en",
        original_only=True,
    )
    assertContains(
        client.get("/zh-hans/news/"), '<span class="tag only-in">仅英文</span>', html=True
    )
    assertContains(client.get("/zh-hans/news/forum/"), "本报道仅以英文发布；以下为原文。")


def test_a_complete_translation_publishes_the_english_edition_everywhere(client):
    article = chinese_only()
    translate(article)
    for path in ("/en/", "/en/news/", "/en/news/feed/"):
        assertContains(client.get(path), ENGLISH_TITLE)
    assertContains(client.get("/en/search/?q=delegation"), 'href="/en/news/visit/"')
    response = client.get("/en/news/visit/")
    assert "X-Robots-Tag" not in response
    assert hreflangs(response) == {"zh-hans", "en", "x-default"}
    assert "http://testserver/en/news/visit/" in sitemap_urls(client)


def test_a_stale_translation_keeps_the_edition_under_a_notice_until_it_is_updated(client):
    """Stale is not missing (issue 25): the edition once whole stays up, as it was."""
    article = chinese_only()
    translate(article)
    article.title_zh_hans = "卡拉奇代表团再次访问沈阳"
    article.save()
    assert article.edition("en") == Edition.STALE
    assertContains(client.get("/en/news/"), ENGLISH_TITLE)
    page = client.get("/en/news/visit/")
    assertContains(page, f"<h1>{ENGLISH_TITLE}</h1>", html=True)
    assertContains(page, "this English translation has not been updated yet.")
    article.title_en = "Karachi delegation visits Shenyang again"
    article.save()
    assert article.edition("en") == Edition.COMPLETE
    assertNotContains(client.get("/en/news/visit/"), "edition-notice")


def test_cities_follow_the_same_rule(client):
    make_city(slug="karachi", name_en="", name_zh_hans="卡拉奇", original_language="zh-hans")
    assertNotContains(client.get("/en/cities/"), "卡拉奇")
    assertNotContains(client.get("/en/"), "卡拉奇")
    response = client.get("/en/cities/karachi/")
    assertContains(response, "This city profile is not yet available in English.")
    assert response["X-Robots-Tag"] == "noindex"
    assertContains(client.get("/zh-hans/cities/"), "卡拉奇")
    assert "http://testserver/en/cities/karachi/" not in sitemap_urls(client)


def test_the_cached_english_list_follows_the_translation(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    article = chinese_only()
    assertNotContains(client.get("/en/news/"), ENGLISH_TITLE)
    assert client.get("/en/news/")["X-Page-Cache"] == "hit"
    translate(article)
    assertContains(client.get("/en/news/"), ENGLISH_TITLE)


def test_the_notice_page_keeps_its_noindex_from_the_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    chinese_only()
    client.get("/en/news/visit/")
    cached = client.get("/en/news/visit/")
    assert cached["X-Page-Cache"] == "hit" and cached["X-Robots-Tag"] == "noindex"


def test_an_absent_edition_page_costs_few_queries(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    chinese_only()
    client.get("/en/news/visit/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/news/visit/")
    assert len(queries) <= 8


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_lists_with_marked_records_stay_flat(client, settings, lang):
    settings.PAGE_CACHE_SECONDS = 0

    def count(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    def build(size):
        for n in range(size):
            chinese_only(slug=f"only-{size}-{n}", original_only=True)
            chinese_only(slug=f"absent-{size}-{n}")

    pages = [f"/{lang}/", f"/{lang}/news/", f"/{lang}/news/feed/", f"/{lang}/search/?q=卡拉奇"]
    build(1)
    small = {page: count(page) for page in pages}
    build(50)
    for page in pages:
        large = count(page)
        assert large <= small[page] <= 8, (page, small[page], large)


def test_the_feed_is_valid_rss_without_the_absent_article(client):
    chinese_only()
    make_article(slug="other", title_en="Another report", title_zh_hans="另一篇报道")
    channel = ET.fromstring(client.get("/en/news/feed/").content).find("channel")
    assert [item.find("title").text for item in channel.findall("item")] == ["Another report"]
