"""Every path of the URL contract, in both languages, on the demo content."""

import re

import pytest
from pytest_django.asserts import assertContains

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


def test_missing_translation_falls_back_and_is_marked_with_its_language(client, demo):
    from news.models import Article

    Article.objects.filter(slug=ARTICLE).update(title_en="", standfirst_en="")
    response = client.get(f"/en/news/{ARTICLE}/")
    fallback = '<span lang="zh-hans">沈阳与巴基斯坦卡拉奇结为友好城市</span>'
    assertContains(response, fallback, html=True)
    assert '<html lang="en">' in response.content.decode()
