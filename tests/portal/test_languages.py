"""The visitor's language: chosen at the root, switched on any page, kept on error pages."""

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains

from tests.factories import make_city

pytestmark = pytest.mark.django_db


def test_root_redirects_by_cookie_then_accept_language_then_chinese(client, db):
    assert client.get("/")["Location"] == "/zh-hans/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    client.cookies["django_language"] = "zh-hans"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/zh-hans/"


def test_language_switch_works_whatever_language_the_browser_asks_for(client, db):
    for accept in ("en-US,en;q=0.9", "zh-CN,zh;q=0.9", "fr"):
        response = client.get(
            "/language/en/", {"next": "/zh-hans/cities/karachi/"}, HTTP_ACCEPT_LANGUAGE=accept
        )
        assert response["Location"] == "/en/cities/karachi/", accept
        response = client.get(
            "/language/zh-hans/", {"next": "/en/cities/karachi/"}, HTTP_ACCEPT_LANGUAGE=accept
        )
        assert response["Location"] == "/zh-hans/cities/karachi/", accept


def test_language_switch_stays_on_the_same_page_and_remembers(client, db):
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


def test_language_switch_is_written_in_each_language(client, db):
    """Each language named in itself, linking to this page's edition in that language."""
    make_city(slug="karachi")
    response = client.get("/en/cities/karachi/")
    assertContains(response, '<span aria-current="true" lang="en">English</span>', html=True)
    assertContains(
        response,
        '<a href="/language/zh-hans/?next=%2Fzh-hans%2Fcities%2Fkarachi%2F" lang="zh-hans" '
        'hreflang="zh-hans">中文</a>',
        html=True,
    )
    response = client.get("/zh-hans/cities/karachi/")
    assertContains(response, '<span aria-current="true" lang="zh-hans">中文</span>', html=True)
    assertContains(
        response,
        '<a href="/language/en/?next=%2Fen%2Fcities%2Fkarachi%2F" lang="en" '
        'hreflang="en">English</a>',
        html=True,
    )


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "We cannot find that page"), ("zh-hans", "找不到您要访问的页面")]
)
def test_not_found_page_is_styled_and_in_the_visitors_language(client, db, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assertContains(response, f"<h1>{text}</h1>", status_code=404, html=True)
    html = response.content.decode()
    assert "site.css" in html and f'href="/{lang}/"' in html


def test_server_error_page_is_in_the_visitors_language(rf):
    from django.views.defaults import server_error

    with translation.override("zh-hans"):
        response = server_error(rf.get("/zh-hans/"))
    assertContains(response, "<h1>网站出现了故障</h1>", status_code=500, html=True)


def test_a_translated_field_names_its_language_as_staff_read_it(client, sign_in):
    """ "标题 [英文]", not "标题 [en]": in labels, error lists and version comparisons;
    and the page lists the languages' names for the tabbed admin's tabs."""
    from cities.models import Exchange

    field = Exchange._meta.get_field
    with translation.override("zh-hans"):
        assert str(field("title_en").verbose_name) == "标题 [英文]"
        assert str(field("title_zh_hans").verbose_name) == "标题 [中文]"
    with translation.override("en"):
        assert str(field("title_en").verbose_name) == "title [English]"
    sign_in("Editors")
    client.cookies["django_language"] = "zh-hans"
    page = client.get("/admin/").content.decode()
    names = page.split('<template id="language-names">')[1].split("</template>")[0]
    assert names == '<span data-code="zh-hans">中文</span><span data-code="en">英文</span>'
    assert 'src="/static/portal/language_tabs.js"' in page
