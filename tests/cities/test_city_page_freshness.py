"""The city page comes from the page cache, and a changed record shows at once.

Every record the page shows moves the site revision the page is cached under,
whatever was cached before. The tests commit what they write, as the admin does.
"""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cities.models import City, Stage
from tests.factories import (
    make_article,
    make_city,
    make_country,
    make_exchange,
    make_fact,
    make_photo,
    make_source,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def karachi(db):
    """A sister city with one of each record its page shows."""
    make_city(
        slug="shenyang", is_home=True, relationship="", name_en="Shenyang", name_zh_hans="沈阳"
    )
    city = make_city(
        slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇", population=20_000_000
    )
    report = make_article(slug="signed", title_en="Signed", cities=[city])
    return {
        "city": city,
        "report": report,
        "exchange": make_exchange(
            city,
            title_en="Agreement signed",
            title_zh_hans="签署协议",
            article=report,
            date=datetime.date(2018, 8, 1),
            precision="month",
        ),
        "stage": Stage.objects.create(city=city, stage="sister", date=datetime.date(2019, 3, 28)),
        "source": make_source(title_en="Karachi at a glance", title_zh_hans="卡拉奇概况"),
        "photo": make_photo(city, caption_en="The harbour", caption_zh_hans="港口"),
    }


@pytest.fixture
def fact(karachi):
    return make_fact(
        karachi["city"],
        "population",
        20_000_000,
        [karachi["source"]],
        as_of=datetime.date(2020, 1, 1),
    )


def page(client, language="en"):
    """The Karachi page, asked twice: the second time it comes from the cache."""
    client.get(f"/{language}/cities/karachi/")
    response = client.get(f"/{language}/cities/karachi/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "field", "before", "after"),
    [
        ("en", "title_en", "Agreement signed", "Agreement renewed"),
        ("zh-hans", "title_zh_hans", "签署协议", "续签协议"),
    ],
)
def test_a_changed_exchange_shows_at_once(client, karachi, language, field, before, after):
    assert before in page(client, language)
    setattr(karachi["exchange"], field, after)
    karachi["exchange"].save()
    html = page(client, language)
    assert after in html and before not in html


def test_an_exchange_links_its_report_only_while_the_report_is_live(client, karachi):
    link = '<a href="/en/news/signed/">Agreement signed</a>'
    assert link in page(client)
    karachi["report"].status = "withdrawn"
    karachi["report"].save()
    assert link not in page(client)
    assert "Agreement signed" in page(client)


def test_a_scheduled_report_is_linked_when_its_time_comes(client, karachi):
    in_an_hour = timezone.now() + datetime.timedelta(hours=1)
    karachi["report"].published_at = in_an_hour
    karachi["report"].save()
    link = '<a href="/en/news/signed/">Agreement signed</a>'
    assert link not in page(client)
    with time_machine.travel(in_an_hour + datetime.timedelta(seconds=1)):
        assert link in page(client)


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [("en", "28 March 2019", "1 April 2019"), ("zh-hans", "2019年3月28日", "2019年4月1日")],
)
def test_a_changed_stage_date_shows_at_once(client, karachi, language, before, after):
    assert before in page(client, language)
    stage = karachi["stage"]
    stage.date = datetime.date(2019, 4, 1)
    stage.save()
    html = page(client, language)
    assert after in html and before not in html


def test_a_stage_links_its_report_only_while_the_report_is_live(client, karachi):
    stage = karachi["stage"]
    stage.document_en = "Sister-city agreement"
    stage.article = karachi["report"]
    stage.save()
    assert '· <a href="/en/news/signed/">Report</a>' in page(client)
    karachi["report"].status = "withdrawn"
    karachi["report"].save()
    html = page(client)
    assert "Sister-city agreement" in html and 'href="/en/news/signed/"' not in html


def test_a_changed_fact_shows_at_once(client, karachi, fact):
    assert '<time datetime="2020">2020</time>' in page(client)
    fact.as_of = datetime.date(2021, 1, 1)
    fact.save()
    html = page(client)
    assert '<time datetime="2021">2021</time>' in html and "2020</time>" not in html
    # A value the page does not print is not footnoted: its source goes too.
    fact.number = 19_000_000
    fact.save()
    html = page(client)
    assert 'class="cite nowrap"' not in html and "Karachi at a glance" not in html


def test_a_newly_cited_source_shows_at_once(client, karachi, fact):
    assert 'id="source-2"' not in page(client)
    fact.sources.add(make_source(title_en="Census 2017", url="https://example.org/census"))
    html = page(client)
    assert 'id="source-2"' in html and "Census 2017" in html


@pytest.mark.parametrize(
    ("language", "field", "before", "after"),
    [
        ("en", "title_en", "Karachi at a glance", "Karachi in figures"),
        ("zh-hans", "title_zh_hans", "卡拉奇概况", "卡拉奇数据"),
    ],
)
def test_a_changed_source_shows_at_once(client, karachi, fact, language, field, before, after):
    assert before in page(client, language)
    setattr(karachi["source"], field, after)
    karachi["source"].save()
    html = page(client, language)
    assert after in html and before not in html


def test_a_source_follows_its_article_address_at_once(client, karachi, fact):
    profile = make_article(slug="profile", title_en="Karachi profile")
    source = karachi["source"]
    source.article = profile
    source.save()
    assert '<a href="/en/news/profile/">Read on this site</a>' in page(client)
    profile.slug = "karachi-profile"
    profile.save()
    assert '<a href="/en/news/karachi-profile/">Read on this site</a>' in page(client)


@pytest.mark.parametrize(
    ("language", "field", "before", "after"),
    [
        ("en", "caption_en", "The harbour", "The old port"),
        ("zh-hans", "caption_zh_hans", "港口", "老港"),
    ],
)
def test_a_changed_photo_shows_at_once(client, karachi, language, field, before, after):
    assert before in page(client, language)
    setattr(karachi["photo"], field, after)
    karachi["photo"].save()
    html = page(client, language)
    assert after in html and before not in html


def test_a_new_photo_and_a_new_exchange_show_at_once(client, karachi):
    assert "gallery-single" in page(client)
    make_photo(karachi["city"], position=1, caption_en="The beach")
    make_exchange(karachi["city"], title_en="Trade forum", kind="forum")
    html = page(client)
    assert "gallery-single" not in html and "The beach" in html and "Trade forum" in html


def test_a_changed_city_shows_at_once(client, karachi):
    assert "Pakistan" not in page(client)
    city = karachi["city"]
    city.summary_en = "The largest city of Pakistan."
    city.save()
    assert "The largest city of Pakistan." in page(client)


@pytest.mark.parametrize(
    ("language", "field", "name", "before", "after"),
    [
        ("en", "name_en", "Mukden", "Compare with Shenyang", "Compare with Mukden"),
        ("zh-hans", "name_zh_hans", "奉天", "与沈阳对比", "与奉天对比"),
    ],
)
def test_a_changed_home_city_shows_at_once(client, karachi, language, field, name, before, after):
    assert before in page(client, language)
    home = City.objects.get(is_home=True)
    setattr(home, field, name)
    home.save()
    html = page(client, language)
    assert after in html and before not in html


def test_related_news_follows_publication_at_once(client, karachi):
    assert "Related news" in page(client)
    make_article(slug="forum", title_en="A trade forum", cities=[karachi["city"]])
    assert "A trade forum" in page(client)
    karachi["report"].status = "withdrawn"
    karachi["report"].save()
    html = page(client)
    assert "A trade forum" in html and 'href="/en/news/signed/"' not in html


def test_staff_preview_a_draft_city_with_caches_on_and_visitors_do_not(admin_client, karachi):
    city = karachi["city"]
    city.status = "draft"
    city.save()
    preview = admin_client.get("/en/cities/karachi/")
    assert preview.status_code == 200 and "Agreement signed" in preview.content.decode()
    assert Client().get("/en/cities/karachi/").status_code == 404


def test_a_changed_country_shows_at_once(client, karachi):
    home = City.objects.get(is_home=True)
    home.country = make_country("CN", name_en="China")
    home.save()
    assert "<td>China</td>" in page(client)
    pakistan = karachi["city"].country
    pakistan.name_en = "Pakistan"
    pakistan.save()
    html = page(client)
    assert '<span class="eyebrow">Sister city · Pakistan</span>' in html
    assert "<td>Pakistan</td>" in html
    home.country.name_en = "PR China"
    home.country.save()
    assert "<td>PR China</td>" in page(client)
