"""The partner network from the sourced data: every city, its figures as the sources
state them, conflicts kept, and nothing of the data's evidence quotes on a page."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from cities.models import City, Fact

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parents[2] / "portal" / "demo" / "data" / "shenyang-partners.json"


def test_every_partner_of_the_data_is_published_and_on_the_map(client, demo):
    records = json.loads(DATA.read_text(encoding="utf-8"))
    assert City.objects.published().partners().count() == len(records) == 22
    page = client.get("/en/cities/")
    assertContains(page, "22 partner cities")
    assert page.content.decode().count('<tr><th scope="row"><a href="/en/cities/') == 22
    assertContains(client.get("/zh-hans/cities/"), "札幌")


@pytest.mark.parametrize(
    ("slug", "en", "zh"),
    [
        (
            "sapporo",
            ["18 November 1980", "Shenyang's 1st sister city"],
            ["1980年11月18日", "沈阳第1个友好城市"],
        ),
        (
            "dusseldorf",
            ["22 September 1984", "Shenyang's 3rd sister city"],
            ["1984年9月22日", "沈阳第3个友好城市"],
        ),
        (
            "karachi",
            ["9 December 2021", "Shenyang's 22nd sister city"],
            ["2021年12月9日", "沈阳第22个友好城市"],
        ),
    ],
)
def test_dates_and_ordinals_print_as_the_sources_say(client, demo, slug, en, zh):
    for language, texts in (("en", en), ("zh-hans", zh)):
        page = unescape(client.get(f"/{language}/cities/{slug}/").content.decode())
        for text in texts:
            assert text in page, (language, text)


def test_jinja_keeps_both_populations_and_shows_the_office_one(client, demo):
    jinja = City.objects.get(slug="jinja")
    values = sorted(
        (fact.raw_value, fact.is_public) for fact in jinja.facts.filter(figure="population")
    )
    assert values == [(350_000, False), (600_000, True)]
    assert jinja.ordinal is None, "Karachi's page and Jinja's both say 22nd: not public"
    assert jinja.facts.get(figure="ordinal", is_public=False).raw_value == 22
    page = client.get("/en/cities/jinja/")
    assertContains(page, "about 600,000")
    assertNotContains(page, "350,000")


@pytest.mark.parametrize(
    ("language", "values"),
    [
        ("en", ["734 km²", "215 km²", "about 600,000", "350,000"]),
        ("zh-hans", ["734平方公里", "215平方公里", "约60万", "350,000"]),
    ],
)
def test_jinja_s_disagreeing_sources_print_figures_as_the_site_does(
    admin_client, demo, language, values
):
    """The admin's "sources disagree" box writes each value as the city page would."""
    jinja = City.objects.get(slug="jinja")
    admin_client.cookies["django_language"] = language
    admin = admin_client.get(f"/admin/cities/city/{jinja.pk}/change/").content.decode()
    box = admin[admin.index('<ul class="sources-disagree">') :].split("</ul>")[0]
    assert [unescape(value) for value in re.findall(r"<strong>(.*?)</strong>", box)] == values
    assert "600000" not in box and "350000" not in box


def test_irkutsk_keeps_the_disputed_date_on_record(demo):
    irkutsk = City.objects.get(slug="irkutsk")
    assert irkutsk.sister_since_when.machine == "1992-08-12"
    alternative = Fact.objects.get(city=irkutsk, figure="sister_since", is_public=False)
    assert alternative.date.isoformat() == "1990-08-12"


def test_karachi_has_footnoted_figures_and_the_seed_among_its_sources(client, demo):
    for language, heading, seed in (
        ("en", "Sources", "Walking into Karachi"),
        ("zh-hans", "资料来源", "沈阳市人民政府外事办公室"),
    ):
        page = client.get(f"/{language}/cities/karachi/")
        assertContains(page, f'<h2 id="sources-heading">{heading}</h2>', html=True)
        assertContains(page, seed)
        html = page.content.decode()
        assert html.count('class="cite nowrap"') >= 8  # population … sister city since, ordinal
        assert '<time datetime="2022-06-16">' in html


def test_a_chinese_sources_list_reads_chinese_publishers_and_marks_foreign_names(client, demo):
    sapporo = client.get("/zh-hans/cities/sapporo/")
    assertContains(sapporo, "北海道日中交流网站（hiecc.or.jp）")
    assertContains(sapporo, "沈阳市人民政府网站")
    assertNotContains(sapporo, "third-party site")
    karachi = client.get("/zh-hans/cities/karachi/")
    assertContains(karachi, '<span lang="en">The Diplomatic Insight</span>', html=True)


def test_no_evidence_quote_reaches_a_page(client, demo):
    records = json.loads(DATA.read_text(encoding="utf-8"))
    quotes = {
        spec["evidence"]
        for record in records
        for specs in record["sources"].values()
        for spec in specs
        if len(spec.get("evidence", "")) > 30
    }
    pages = ["/en/cities/", "/zh-hans/cities/"] + [
        f"/{language}/cities/{slug}/"
        for slug in City.objects.partners().values_list("slug", flat=True)
        for language in ("en", "zh-hans")
    ]
    for path in pages:
        html = client.get(path).content.decode()
        for quote in quotes:
            assert quote[:30] not in html, (path, quote)


def test_a_city_without_a_sourced_chinese_name_gets_the_standard_exonym(client, demo):
    assert City.objects.get(slug="turin").name_zh_hans == "都灵"
    assertContains(client.get("/zh-hans/cities/turin/"), "<h1>都灵</h1>", html=True)


def test_irkutsk_s_disputed_dates_print_as_dates_in_the_admin(admin_client, demo):
    irkutsk = City.objects.get(slug="irkutsk")
    admin_client.cookies["django_language"] = "zh-hans"
    admin = admin_client.get(f"/admin/cities/city/{irkutsk.pk}/change/").content.decode()
    box = admin[admin.index('<ul class="sources-disagree">') :].split("</ul>")[0]
    assert re.findall(r"<strong>(.*?)</strong>", box) == ["1992年8月12日", "1990年8月12日"]
