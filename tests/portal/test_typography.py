"""Typography: Chinese pages punctuate in full width with no stray spaces, English
dates are written one way, dates, numbers with units and footnote groups stay whole,
content pages say when they were last updated, counts are worded by type, and a
comparison row with nothing on either side is left out."""

import datetime
import re

import pytest
import time_machine
from django.utils import formats, translation
from pytest_django.asserts import assertContains, assertNotContains

from cities.models import Stage
from portal.models import Office
from tests.factories import (
    make_article,
    make_city,
    make_country,
    make_fact,
    make_guide,
    make_office_page,
    make_report,
    make_source,
)

pytestmark = pytest.mark.django_db
TZ = datetime.timezone(datetime.timedelta(hours=8))
WRITTEN = datetime.datetime(2026, 3, 5, 10, 0, tzinfo=TZ)


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def karachi():
    pakistan = make_country("PK", name_en="Pakistan", name_zh_hans="巴基斯坦")
    with at(WRITTEN):
        return make_city(
            slug="karachi",
            name_en="Karachi",
            name_zh_hans="卡拉奇",
            country=pakistan,
            province_en="Sindh",
            province_zh_hans="信德省",
            area_km2=3527,
            population=20_000_000,
            population_year=2020,
            published_at=WRITTEN,
        )


def text_of(response):
    """The page's text without its tags, spaces as a reader sees them."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_english_dates_are_day_first_everywhere_and_chinese_ones_unchanged():
    day = datetime.date(2021, 12, 9)
    with translation.override("en"):
        assert formats.date_format(day) == "9 December 2021"  # the admin's too
    with translation.override("zh-hans"):
        assert formats.date_format(day) == "2021年12月9日"


def test_a_place_is_punctuated_in_each_language(client, karachi):
    assertContains(client.get("/zh-hans/cities/"), "巴基斯坦，信德省")
    assertContains(client.get("/en/cities/"), "Pakistan, Sindh")


def test_a_stage_document_has_a_full_width_label_and_no_stray_space(client, karachi):
    Stage.objects.create(
        city=karachi,
        stage="intent",
        date=datetime.date(2018, 8, 1),
        precision="month",
        document_zh_hans="意向书",
        document_en="Letter",
        signatories_zh_hans="两市市长",
        signatories_en="the two mayors",
    )
    assert "签署意向书：意向书；签署人：两市市长" in text_of(client.get("/zh-hans/cities/karachi/"))
    assert "Letter of intent: Letter; signed by the two mayors" in text_of(
        client.get("/en/cities/karachi/")
    )


def test_a_footnote_group_is_kept_whole_and_punctuated_in_each_language(client, karachi):
    make_fact(karachi, "area", 3527, sources=[make_source(), make_source(publisher_en="Other")])
    zh = client.get("/zh-hans/cities/karachi/").content.decode()
    assert re.search(r'<sup class="cite nowrap">\[<a [^>]+>1</a>，<a [^>]+>2</a>\]</sup>', zh)
    en = client.get("/en/cities/karachi/").content.decode()
    assert re.search(r'<sup class="cite nowrap">\[<a [^>]+>1</a>, <a [^>]+>2</a>\]</sup>', en)


def test_numbers_with_units_stay_whole_and_a_year_is_in_full_width_brackets(client, karachi):
    zh = client.get("/zh-hans/cities/karachi/")
    assertContains(zh, '<span class="nowrap">3,527平方公里</span>', html=True)
    assertContains(zh, "（2020年）")
    assertContains(client.get("/en/cities/karachi/"), "(2020)")


@pytest.mark.parametrize(
    ("language", "line"),
    [("zh-hans", "更新时间：2026年3月9日"), ("en", "Last updated: 9 March 2026")],
)
def test_content_pages_say_when_their_record_last_changed(client, karachi, language, line):
    with at(WRITTEN):
        article = make_article(slug="signing", published_at=WRITTEN)
        guide = make_guide(slug="visas", published_at=WRITTEN)
        report = make_report(year=2025, published_at=WRITTEN)
        page = make_office_page("about", published_at=WRITTEN)
    with at(datetime.datetime(2026, 3, 9, 9, 0, tzinfo=TZ)):
        for record in (karachi, article, guide, report, page):
            record.save()
    with at(datetime.datetime(2026, 4, 1, 9, 0, tzinfo=TZ)):
        for path in ("cities/karachi/", "news/signing/", "office/guides/visas/", "office/"):
            response = client.get(f"/{language}/{path}")
            assert line in text_of(response), path
            assertContains(response, '<time datetime="2026-03-09T09:00:00+08:00">', count=1)
        report_page = client.get(report.get_absolute_url().replace("/zh-hans/", f"/{language}/"))
        assert line in text_of(report_page)


def test_a_record_published_after_its_last_save_shows_its_publication():
    from portal.templatetags.portal import modified_at

    with at(WRITTEN):
        article = make_article(status="draft")
    later = WRITTEN + datetime.timedelta(days=3)
    article.published_at = later
    assert modified_at(article) == later
    assert modified_at(None) is None


def test_counts_are_worded_by_type_on_the_home_page_and_in_the_directory(client):
    japan = make_country("JP")
    make_city(relationship="sister", country=japan)
    make_city(relationship="sister")
    make_city(relationship="friendly", country=japan)
    assertContains(client.get("/zh-hans/"), "3个友城：友好城市2个、友好合作城市1个")
    assertContains(
        client.get("/en/"), "3 partner cities: 2 sister cities and 1 friendly cooperative city"
    )
    assertContains(
        client.get("/zh-hans/cities/"),
        "本站记录3个友城，分布在2个国家：友好城市2个、友好合作城市1个",
    )


def test_a_comparison_row_with_no_value_on_either_side_is_left_out(client, karachi):
    make_city(
        slug="shenyang",
        name_en="Shenyang",
        is_home=True,
        country=make_country("CN"),
        area_km2=12942,
    )
    page = client.get("/en/cities/karachi/").content.decode()
    table = page[page.index('class="compare"') : page.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert rows == ["Country", "Population", "Area", "Density"]  # no climate on either side
    assert "—" in table  # Shenyang's population is not on record: the row stays, marked


def test_english_pages_name_the_office_by_its_one_english_name(client):
    Office.objects.create(
        name_en="Foreign Affairs Office of the People's Government of Shenyang Municipality",
        name_zh_hans="沈阳市人民政府外事办公室",
        short_name_zh_hans="沈阳市外事办公室",
    )
    name = "Foreign Affairs Office of the People&#x27;s Government of Shenyang Municipality"
    en = client.get("/en/")
    assertContains(en, f"<title>Home · {name}</title>", html=True)
    assertContains(en, f'<meta property="og:title" content="{name}">', html=True)
    assertNotContains(en, "沈阳市外事办公室")
    assertNotContains(en, "Foreign Affairs Portal")
    assertContains(client.get("/zh-hans/"), '<span class="brand-short">沈阳市外事办公室</span>')
