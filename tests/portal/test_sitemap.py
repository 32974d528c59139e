"""The sitemap and robots.txt: every public page, in both languages, for search engines."""

import pytest

from tests.factories import make_article, make_city
from tests.sitemap import sitemap_urls

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client, db):
    make_city(slug="shenyang", name_en="Shenyang", is_home=True, relationship="")
    karachi = make_city(slug="karachi", name_en="Karachi")
    make_article(slug="shenyang-and-karachi-become-sister-cities", cities=[karachi])
    urls = sitemap_urls(client)
    for path in (
        "/",
        "/cities/",
        "/news/",
        "/cities/karachi/",
        "/news/shenyang-and-karachi-become-sister-cities/",
    ):
        for lang in ("zh-hans", "en"):
            url = f"http://testserver/{lang}{path}"
            assert url in urls, url
            alternates = {
                link.get("hreflang"): link.get("href") for link in urls[url].findall(f"{XHTML}link")
            }
            assert alternates["zh-hans"] == f"http://testserver/zh-hans{path}"
            assert alternates["en"] == f"http://testserver/en{path}"
            assert "x-default" in alternates
    assert not any("shenyang/" in url for url in urls), "the home city has no partner page"


def test_robots_names_the_sitemap_and_keeps_out_of_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_the_sitemap_is_an_index_of_pages_by_id_range(client, db, settings):
    import re

    from news.models import Article
    from portal import sitemaps
    from tests.factories import make_article

    for n in range(5):
        make_article(slug=f"report-{n}")
    first = Article.objects.order_by("pk").first().pk
    original, sitemaps.PAGE_SIZE = sitemaps.PAGE_SIZE, 2
    try:
        index = client.get("/sitemap.xml").content.decode()
        pages = re.findall(r"/sitemap-news\.xml(?:\?p=(\d+))?<", index)
        # Five articles with consecutive ids span three ranges of two.
        assert len(pages) == 3, pages
        first_page = (first - 1) // 2 + 1
        assert pages[0] == ("" if first_page == 1 else str(first_page))
        addresses = []
        for page in pages:
            xml = client.get("/sitemap-news.xml" + (f"?p={page}" if page else "")).content
            addresses += re.findall(r"<loc>([^<]+)</loc>", xml.decode())
        assert len(addresses) == len(set(addresses)) == 10, "each article, in both languages"
        # A page's range holds the same articles whatever comes before it.
        last = f"?p={pages[-1]}" if pages[-1] else ""
        before = client.get(f"/sitemap-news.xml{last}").content
        Article.objects.get(slug="report-0").delete()
        assert client.get(f"/sitemap-news.xml{last}").content == before
    finally:
        sitemaps.PAGE_SIZE = original
    for bad in ("?p=0", "?p=x", "?p=99", "?p=%EF%BC%91", "?p=99999999999999999999"):
        assert client.get(f"/sitemap-news.xml{bad}").status_code == 404, bad
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.parametrize(
    "query", ["?p=1", "?p=02", "?p=2&p=3", "?p=2&utm_source=x", "?utm_source=x"]
)
def test_a_sitemap_page_has_one_address(client, db, query, settings):
    """Other spellings of a page are not pages, so the page cache keeps one copy each."""
    for n in range(3):
        make_article(slug=f"a-{n}")
    assert client.get("/sitemap-news.xml").status_code == 200
    assert client.get(f"/sitemap-news.xml{query}").status_code == 404
    assert client.get(f"/sitemap.xml{query}").status_code == 404
