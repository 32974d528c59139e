"""Queries per page stay few and do not grow with the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import City, CityPhoto, Exchange
from news.models import Article, LeadImage
from office.models import OfficePage, ServiceGuide, WebsiteReport
from portal.models import Office
from tests.factories import (
    make_article,
    make_category,
    make_city,
    make_country,
    make_exchange,
    make_guide,
    make_lead_image,
    make_office_page,
    make_photo,
    make_report,
)

# Committed data, as a visitor's request sees it: figures kept per revision (the news
# total, the sitemap's pages) are not kept from inside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)

MAX_QUERIES = 8
PAGES = [
    "/{lang}/",
    "/{lang}/cities/",
    "/{lang}/cities/city-0/",
    "/{lang}/news/",
    "/{lang}/news/article-0/",
    "/{lang}/news/?city=city-0&page=1",
    "/{lang}/search/?q=Karachi",
    "/{lang}/search/?q=卡拉奇",
    "/{lang}/news/feed/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap-cities.xml",
    "/{lang}/office/",
    "/{lang}/office/contact/",
    "/{lang}/office/accessibility/",
    "/{lang}/office/guides/",
    "/{lang}/office/guides/guide-0/",
    "/{lang}/office/reports/2024/",
    "/{lang}/sitemap/",
    "/{lang}/search/?q=guide",
    "/sitemap-office.xml",
]


def build(size):
    """`size` partner cities with two photos each, `size` articles with lead images
    (on city-0 and their own city), `size` exchanges on city-0's timeline, each
    linked to a published article."""
    make_city(slug="home", is_home=True, relationship="", name_en="Shenyang", name_zh_hans="沈阳")
    country, category = make_country("PK"), make_category()
    cities = [
        make_city(
            slug=f"city-{n}",
            name_en=f"Karachi {n}",
            name_zh_hans=f"卡拉奇{n}",
            country=country,
            latitude=24,
            longitude=67,
        )
        for n in range(size)
    ]
    for city in cities:
        make_photo(city, position=0)
        make_photo(city, position=1)
    first_day = datetime.date(2019, 1, 1)
    for n in range(size):
        article = make_article(
            slug=f"article-{n}",
            title_en=f"Karachi report {n}",
            title_zh_hans=f"卡拉奇报道{n}",
            category=category,
            cities={cities[0], cities[n]},
            featured=n == 0,
        )
        make_lead_image(article)
        make_exchange(cities[0], date=first_day + datetime.timedelta(days=n), article=article)
    build_office(size)


def build_office(size):
    """The office record, its three pages, `size` service guides and a yearly report
    of `size` rows."""
    Office.objects.get_or_create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")
    for kind in ("about", "contact", "accessibility"):
        OfficePage.objects.filter(kind=kind).delete()
        make_office_page(kind, responsibilities_en="One\nTwo", summary_en="A guide to us")
    ServiceGuide.objects.all().delete()
    WebsiteReport.objects.all().delete()
    for n in range(size):
        make_guide(slug=f"guide-{n}", title_en=f"Guide {n}", materials_en="Passport\nForm")
    make_report(2024, rows=[(f"Item {n}", f"项目{n}", str(n)) for n in range(size)])


def count_queries(client, path):
    client.get(path)  # warm the per-site cache (the office record)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    """Count the queries of rendering; a page from the page cache makes none."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_queries_per_page_are_few_and_flat(client, lang):
    build(1)
    small = {page: count_queries(client, page.format(lang=lang)) for page in PAGES}
    Article.objects.all().delete()
    City.objects.all().delete()
    build(50)
    assert City.objects.partners().count() == Article.objects.count() == 50
    assert Exchange.objects.count() == 50
    assert CityPhoto.objects.count() == 100 and LeadImage.objects.count() == 50
    large = {page: count_queries(client, page.format(lang=lang)) for page in PAGES}
    for page in PAGES:
        assert small[page] <= MAX_QUERIES, (page, small[page])
        assert large[page] <= small[page], (page, small[page], large[page])


def build_network(size):
    """`size` partner cities, each with stages, sourced figures and an alternative value,
    and the office's stated total."""
    from cities.models import Stage, StatedTotal
    from tests.factories import make_fact, make_source

    build(size)
    official, repost = make_source(url="https://example.org/a"), make_source(url="")
    StatedTotal.objects.create(sister_cities=23, as_of=datetime.date(2023, 2, 16), source=official)
    for n, city in enumerate(City.objects.partners()):
        day = datetime.date(2000 + n % 20, 12, 1 + n % 28)
        Stage.objects.create(
            city=city, stage="friendly", date=day.replace(day=1), precision="month"
        )
        Stage.objects.create(city=city, stage="sister", date=day.replace(year=day.year + 1))
        make_fact(city, "population", 1000 + n, [official, repost])
        make_fact(city, "population", 2000 + n, [repost], is_public=False)
        make_fact(city, "area", 10 + n, [official])
        make_fact(city, "sister_since", day.replace(year=day.year + 1), [official])
        city.apply_stages()
        city.apply_public_facts()
        city.save()


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_queries_stay_few_with_a_hundred_sourced_partners(client, lang):
    build_network(100)
    assert City.objects.published().partners().count() == 100
    pages = [*PAGES, "/{lang}/cities/anniversaries.ics"]
    counts = {page: count_queries(client, page.format(lang=lang)) for page in pages}
    assert all(count <= MAX_QUERIES for count in counts.values()), counts
    city_page = client.get(f"/{lang}/cities/city-0/").content.decode()
    assert 'class="cite nowrap"' in city_page and 'id="source-2"' in city_page
