"""`manage.py loaddemo` loads every fact of the seeds, in both languages, once."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from cities.models import City, Country, Exchange, Fact, Source, Stage, StatedTotal
from news.models import Article, Category
from office.models import GuideForm, ReportRow, ServiceGuide, WebsiteReport
from portal.models import Office
from tests.conftest import data_for_the_module

pytestmark = pytest.mark.django_db

TRANSLATED = {
    Country: ["name"],
    City: ["name", "province", "summary", "basic_info"],
    Exchange: ["title", "description"],
    Article: ["title", "standfirst", "body", "source", "author"],
    Category: ["name"],
}


demo = data_for_the_module(lambda: call_command("loaddemo", stdout=StringIO()))


def snapshot():
    models = [*TRANSLATED, Fact, Source, Stage, StatedTotal]
    models += [ServiceGuide, GuideForm, WebsiteReport, ReportRow]
    return {model: list(model.objects.order_by("pk").values()) for model in models} | {
        "article_cities": list(Article.cities.through.objects.order_by("pk").values()),
        "fact_sources": list(Fact.sources.through.objects.order_by("pk").values()),
    }


def test_second_run_changes_nothing(demo):
    before = snapshot()
    out = StringIO()
    call_command("loaddemo", stdout=out)
    assert snapshot() == before
    assert "0 created" in out.getvalue()


def test_staff_edits_to_demo_records_survive_a_rerun(demo):
    City.objects.filter(slug="karachi").update(summary_en="Edited by staff.")
    call_command("loaddemo", stdout=StringIO())
    assert City.objects.get(slug="karachi").summary_en == "Edited by staff."


def test_every_visitor_text_exists_in_both_languages(demo):
    for model, fields in TRANSLATED.items():
        for record in model.objects.all():
            if getattr(record, "status", "published") != "published":
                continue  # no visitor reads a draft (the demo's waits for its Chinese)
            for field in fields:
                if model is City and field != "name" and record.slug not in ("karachi", "shenyang"):
                    continue  # the partner data's cities: facts only, no prose
                if model is City and record.is_home and field not in ("name", "province"):
                    continue
                assert getattr(record, f"{field}_en"), (record, field)
                assert getattr(record, f"{field}_zh_hans"), (record, field)
            assert record.original_language == "en"


def test_shenyang_is_the_home_city_with_sourced_facts_only(demo):
    shenyang = City.objects.get(is_home=True)
    assert (shenyang.slug, shenyang.name_en, shenyang.name_zh_hans) == (
        "shenyang",
        "Shenyang",
        "沈阳",
    )
    assert shenyang.country.iso_code == "CN" and shenyang.country.name_zh_hans == "中国"
    assert (shenyang.population, shenyang.population_year) == (9070093, 2020)
    # Every figure the home city shows comes with its source; the winter low and the
    # summer high have none we could source, so they stay blank rather than guessed.
    assert shenyang.area_km2 == Decimal("12942") and shenyang.precipitation_mm == 722
    assert shenyang.winter_low_c is None and shenyang.summer_high_c is None
    public = Fact.objects.filter(city=shenyang, is_public=True)
    assert set(public.values_list("figure", flat=True)) == {"population", "area", "precipitation"}
    assert all(fact.sources.exists() for fact in public)
    alternative = Fact.objects.get(city=shenyang, figure="area", is_public=False)
    assert alternative.raw_value == 12980
    assert shenyang.relationship == "" and shenyang.ordinal is None


def test_karachi_holds_every_fact_of_walking_into_karachi(demo):
    karachi = City.objects.select_related("country").get(slug="karachi")
    assert karachi.country.iso_code == "PK" and karachi.country.continent == "asia"
    assert (karachi.country.name_en, karachi.country.name_zh_hans) == ("Pakistan", "巴基斯坦")
    assert (karachi.province_en, karachi.province_zh_hans) == ("Sindh", "信德省")
    assert karachi.population == 20_000_000 and karachi.population_is_approximate
    assert karachi.area_km2 == Decimal("3527")
    assert (karachi.winter_low_c, karachi.summer_high_c) == (Decimal("13"), Decimal("34"))
    assert karachi.precipitation_mm == 200
    assert karachi.relationship == "sister" and karachi.ordinal == 22
    assert karachi.friendly_since_when.text("en") == "August 2018"
    assert karachi.friendly_since_when.text("zh-hans") == "2018年8月"
    assert karachi.sister_since_when.text("en") == "9 December 2021"
    assert karachi.sister_since_when.text("zh-hans") == "2021年12月9日"
    assert "capital of Sindh Province" in karachi.basic_info_en
    assert "信德省首府" in karachi.basic_info_zh_hans
    assert "Indus Delta" in karachi.geography_en and "Arabian Sea" in karachi.geography_en
    assert "印度河三角洲" in karachi.geography_zh_hans and "阿拉伯海" in karachi.geography_zh_hans
    assert (
        "subtropical desert" in karachi.climate_en and "亚热带沙漠气候" in karachi.climate_zh_hans
    )
    for industry in ("textiles", "machinery", "petroleum products", "embroidery", "stock"):
        assert industry in karachi.pillar_industries_en
    for industry in ("纺织", "机械", "石油制品", "刺绣", "证券交易所"):
        assert industry in karachi.pillar_industries_zh_hans
    assert karachi.is_live


def test_karachi_exchanges_keep_the_seed_precision(demo):
    exchanges = list(City.objects.get(slug="karachi").exchanges.all())
    assert [(e.when.text("en"), e.kind) for e in exchanges] == [
        ("August 2018", "visit"),
        ("December 2018", "exhibition"),
        ("28 March 2019", "forum"),
        ("April 2020", "donation"),
        ("9 December 2021", "agreement"),
    ]
    assert [e.when.text("zh-hans") for e in exchanges] == [
        "2018年8月",
        "2018年12月",
        "2019年3月28日",
        "2020年4月",
        "2021年12月9日",
    ]
    assert "20,000" in exchanges[3].title_en and "2万" in exchanges[3].title_zh_hans
    assert "Beijing" in exchanges[2].description_en and "北京" in exchanges[2].description_zh_hans


def test_signing_report_is_published_and_linked(demo):
    article = Article.objects.get(slug="shenyang-and-karachi-become-sister-cities")
    assert article.is_live and article.featured
    assert (article.source_en, article.source_zh_hans) == ("Shenyang Daily", "沈阳日报")
    assert article.source_date == datetime.date(2021, 12, 10)
    assert (article.author_en, article.author_zh_hans) == ("Han Bing", "韩冰")
    assert list(article.cities.values_list("slug", flat=True)) == ["karachi"]
    signing = Exchange.objects.get(date=datetime.date(2021, 12, 9))
    assert signing.article == article and signing.kind == "agreement"
    for name in ("Lyu Zhicheng", "Moin ul Haque", "Li Songlin", "Northern Heavy Industries"):
        assert name in article.body_en
    for name in ("吕志成", "莫因·哈克", "李松林", "北方重工"):
        assert name in article.body_zh_hans
    assert article.category.name_zh_hans == "友好城市"


def test_active_language_picks_the_text(demo):
    karachi = City.objects.get(slug="karachi")
    with translation.override("en"):
        assert karachi.name == "Karachi"
    with translation.override("zh-hans"):
        assert karachi.name == "卡拉奇"


def test_the_2025_report_counts_the_demo_and_says_so_in_both_languages(demo, client):
    report = WebsiteReport.objects.get(year=2025)
    assert report.is_live
    rows = {row.item_en: (row.value_en, row.value_zh_hans) for row in report.rows.all()}
    assert rows["News articles published (all years)"] == ("1", "1")
    assert rows["of which published in 2025"] == ("0", "0")  # the one article is from 2021
    assert rows["Service guides published"] == ("3", "3")
    assert rows["Forms to download"] == ("3", "3")
    partners = City.objects.published().partners().count()
    assert rows["Partner city profiles published"] == (str(partners), str(partners))
    for lang, note, item in [
        ("zh-hans", "演示内容：下表数字是本演示站点自身的统计", "办事指南（项）"),
        ("en", "Demo content: the figures below are this demo site", "Service guides published"),
    ]:
        page = client.get(f"/{lang}/office/reports/2025/")
        assert page.status_code == 200
        html = page.content.decode()
        assert note in html and item in html
        about = client.get(f"/{lang}/office/").content.decode()
        assert f'href="/{lang}/office/reports/2025/"' in about


def test_the_office_contact_details_stay_empty_without_an_official_source(demo):
    office = Office.objects.get()
    assert not (office.address_en or office.address_zh_hans or office.phone or office.email)


def test_the_demo_has_a_translation_memory_of_its_approved_texts(demo):
    from portal.editorial.memory_lookup import best
    from portal.editorial.memory_models import MemoryEntry

    entries = MemoryEntry.objects.filter(content_type__isnull=False)
    assert entries.count() > 50
    entry = entries.first()
    assert best(entry.source, entry.source_language, entry.target_language).percent == 100
