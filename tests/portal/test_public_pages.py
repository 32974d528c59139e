"""Every path of the URL contract, in both languages, on the demo content."""

import re
from html import unescape

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

ARTICLE = "shenyang-and-karachi-become-sister-cities"
PAGES = [
    "/{lang}/",
    "/{lang}/cities/",
    "/{lang}/cities/karachi/",
    "/{lang}/news/",
    f"/{{lang}}/news/{ARTICLE}/",
    "/{lang}/search/?q=Karachi",
    "/{lang}/search/?q=卡拉奇",
    "/{lang}/news/feed/",
]
HTML_PAGES = [page for page in PAGES if "feed" not in page]


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_answers_in_both_languages(client, demo, page, lang):
    response = client.get(page.format(lang=lang))
    assert response.status_code == 200
    assert response["Content-Language"] == lang


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt", "/healthz"])
def test_site_wide_files_answer(client, demo, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("page", HTML_PAGES)
def test_every_page_has_lang_canonical_alternates_og_and_skip_link(client, demo, page, lang):
    html = client.get(page.format(lang=lang)).content.decode()
    assert f'<html lang="{lang}">' in html
    assert '<link rel="canonical" href="http://testserver/' in html
    for code in ("zh-hans", "en", "x-default"):
        assert f'hreflang="{code}"' in html
    assert 'property="og:title"' in html and 'property="og:url"' in html
    assert 'class="skip-link" href="#main"' in html and 'id="main"' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1, "one h1 per page"
    assert '<a href="/language/' in html, "a language switch"


@pytest.mark.parametrize("page", HTML_PAGES)
def test_no_page_loads_anything_from_another_host(client, demo, page):
    html = client.get(page.format(lang="en")).content.decode()
    loaded = re.findall(r'<(?:script|img|link|iframe|source)[^>]+(?:src|href)="([^"]+)"', html)
    for url in loaded:
        assert not url.startswith("//"), url
        assert not url.startswith("http") or url.startswith("http://testserver/"), url


def test_karachi_shows_the_seed_facts_as_written_in_english(client, demo):
    html = unescape(client.get("/en/cities/karachi/").content.decode())
    for text in (
        "Shenyang's 22nd sister city",
        "August 2018",
        "March 28, 2019",
        "December 9, 2021",
        "3,527 km²",
        "about 20 million",
        "13 °C",
        "34 °C",
        "200 mm",
        "Sindh",
        "Friendly exchanges",
        "Compare with Shenyang",
        "Pillar industries",
        "subtropical desert climate",
    ):
        assert text in html, text


def test_karachi_shows_the_seed_facts_as_written_in_chinese(client, demo):
    html = client.get("/zh-hans/cities/karachi/").content.decode()
    for text in (
        "沈阳第22个友好城市",
        "2018年8月",
        "2019年3月28日",
        "2021年12月9日",
        "3,527平方公里",
        "约2000万",
        "13°C",
        "200毫米",
        "信德省",
        "友好交往",
        "与沈阳对比",
        "支柱产业",
        "亚热带沙漠气候",
    ):
        assert text in html, text


def test_timeline_links_the_signing_to_its_report(client, demo):
    html = client.get("/en/cities/karachi/").content.decode()
    assert f'<a href="/en/news/{ARTICLE}/">Sister-city agreement signed</a>' in html


def test_article_shows_source_date_reporter_and_related_city(client, demo):
    html = client.get(f"/en/news/{ARTICLE}/").content.decode()
    for text in ("Shenyang Daily", "December 10, 2021", "Han Bing", 'href="/en/cities/karachi/"'):
        assert text in html
    html = client.get(f"/zh-hans/news/{ARTICLE}/").content.decode()
    for text in ("沈阳日报", "2021年12月10日", "韩冰", "吕志成"):
        assert text in html


def test_home_shows_featured_news_partner_cities_and_recent_exchanges(client, demo):
    html = client.get("/en/").content.decode()
    assert (
        "card-featured" in html and "Shenyang and Karachi, Pakistan, become sister cities" in html
    )
    assert 'href="/en/cities/karachi/"' in html
    assert "December 9, 2021" in html and "Recent exchanges" in html


def test_missing_translation_falls_back_and_is_marked_with_its_language(client, demo):
    from news.models import Article

    Article.objects.filter(slug=ARTICLE).update(title_en="", standfirst_en="")
    html = client.get(f"/en/news/{ARTICLE}/").content.decode()
    assert '<span lang="zh-hans">沈阳与巴基斯坦卡拉奇结为友好城市</span>' in html
    assert '<html lang="en">' in html


def test_root_redirects_by_cookie_then_accept_language_then_chinese(client, db):
    assert client.get("/")["Location"] == "/zh-hans/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    client.cookies["django_language"] = "zh-hans"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/zh-hans/"


def test_language_switch_works_whatever_language_the_browser_asks_for(client, demo):
    for accept in ("en-US,en;q=0.9", "zh-CN,zh;q=0.9", "fr"):
        response = client.get(
            "/language/en/", {"next": "/zh-hans/cities/karachi/"}, HTTP_ACCEPT_LANGUAGE=accept
        )
        assert response["Location"] == "/en/cities/karachi/", accept
        response = client.get(
            "/language/zh-hans/", {"next": "/en/cities/karachi/"}, HTTP_ACCEPT_LANGUAGE=accept
        )
        assert response["Location"] == "/zh-hans/cities/karachi/", accept


def test_language_switch_stays_on_the_same_page_and_remembers(client, demo):
    response = client.get("/language/en/", {"next": "/zh-hans/cities/karachi/"})
    assert response.status_code == 302 and response["Location"] == "/en/cities/karachi/"
    assert response.cookies["django_language"].value == "en"
    assert client.get("/")["Location"] == "/en/"
    response = client.get("/language/zh-hans/", {"next": "/en/news/?city=karachi"})
    assert response["Location"] == "/zh-hans/news/?city=karachi"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_language_switch_never_redirects_off_site(client, db, next_url):
    response = client.get("/language/en/", {"next": next_url})
    assert response["Location"] == "/en/"


def test_language_switch_refuses_unknown_languages(client, db):
    assert client.get("/language/fr/", {"next": "/zh-hans/"}).status_code == 404


def test_language_switch_is_written_in_each_language(client, demo):
    html = client.get("/en/cities/karachi/").content.decode()
    assert 'lang="zh-hans" hreflang="zh-hans">中文</a>' in html
    assert '<span aria-current="true" lang="en">English</span>' in html


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "We cannot find that page"), ("zh-hans", "找不到您要访问的页面")]
)
def test_not_found_page_is_styled_and_in_the_visitors_language(client, db, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html and "site.css" in html and f'href="/{lang}/"' in html


def test_server_error_page_is_in_the_visitors_language(rf):
    from django.views.defaults import server_error

    with translation.override("zh-hans"):
        response = server_error(rf.get("/zh-hans/"))
    assert response.status_code == 500
    assert "网站出现了故障" in response.content.decode()


def test_an_older_featured_article_still_leads_the_home_page(client, db):
    from tests.factories import make_article

    make_article(
        slug="old-featured",
        title_en="Old but featured",
        featured=True,
        published_at="2020-01-01T00:00Z",
    )
    for n in range(8):
        make_article(slug=f"new-{n}")
    html = client.get("/en/").content.decode()
    assert 'class="card card-featured"' in html
    assert html.index("Old but featured") < html.index("/en/news/new-7/")
