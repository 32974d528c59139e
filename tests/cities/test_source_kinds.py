"""Sources by kind on small records: a repost and a staff note stay in the admin,
an official page is cited first, a date worked out from an anniversary prints as
the anniversary, a stated total names who stated it, two cities' claims to one
ordinal are noted on both pages."""

import datetime
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertContains, assertNotContains

from cities.models import City, Fact, Stage, StatedTotal
from tests.factories import make_city, make_fact, make_source

pytestmark = pytest.mark.django_db


def page(client, city, language="en"):
    return unescape(client.get(f"/{language}/cities/{city.slug}/").content.decode())


def sources_list(html):
    return html[html.index('<section class="section sources"') :].split("</section>")[0]


@pytest.fixture
def repost():
    return make_source(
        publisher_en="copycat.example",
        publisher_zh_hans="copycat.example（转载）",
        url="https://copycat.example/list",
        kind="repost",
        note="Reproduces a list; provenance unclear.",
    )


def test_a_figure_only_a_repost_backs_prints_without_a_footnote(client, repost):
    city = make_city(area_km2=734)
    make_fact(city, "area", 734, [repost])
    for language in ("en", "zh-hans"):
        html = page(client, city, language)
        assert "copycat" not in html and "provenance unclear" not in html
        assert 'class="cite' not in html
        assert "734" in html  # shown, without a citation


def test_the_admin_marks_a_figure_only_reposts_back(admin_client, repost):
    city = make_city(slug="lonely", area_km2=734)
    make_fact(city, "area", 734, [repost])
    backed = make_city(slug="backed", area_km2=100)
    make_fact(backed, "area", 100, [repost, make_source()])
    admin_client.cookies["django_language"] = "en"
    change = admin_client.get(f"/admin/cities/city/{city.pk}/change/").content.decode()
    box = change[change.index('<ul class="needs-source">') :].split("</ul>")[0]
    assert "Area" in box and "734 km²" in box and "copycat.example" in box
    assert (
        "Reproduces a list"
        in admin_client.get(f"/admin/cities/source/{repost.pk}/change/").content.decode()
    )
    rows = admin_client.get("/admin/cities/city/").content.decode()
    marked = re.findall(r"<tr[^>]*>(?:(?!</tr>).)*needs-source(?:(?!</tr>).)*</tr>", rows, re.S)
    assert len(marked) == 1 and f"/admin/cities/city/{city.pk}/change/" in marked[0]


def test_an_official_page_is_cited_before_other_kinds(client):
    city = make_city(population=600_000)
    news = make_source(publisher_en="Daily Paper", url="https://news.example/a", kind="news")
    office = make_source(publisher_en="City Government", url="https://gov.example/a")
    make_fact(city, "population", 600_000, [news, office])
    html = page(client, city)
    listed = sources_list(html)
    assert listed.index("City Government") < listed.index("Daily Paper")
    assert 'id="source-1"' in listed


def test_a_date_worked_out_from_an_anniversary_prints_as_the_anniversary(client):
    city = make_city()
    Stage.objects.create(city=city, stage="sister", date=None)
    office = make_source(
        publisher_en="Foreign Affairs Office (English site)", publisher_zh_hans="外办"
    )
    make_fact(
        city,
        "sister_since",
        datetime.date(2010, 1, 1),
        [office],
        date_precision="year",
        anniversary=15,
        note="Worked out: 2025 - 15 = 2010",
    )
    assert city.apply_public_facts() == [] and city.sister_since is None
    english, chinese = page(client, city), page(client, city, "zh-hans")
    assert english.count("15th anniversary in 2025") == 2  # fact box and relationship
    assert chinese.count("2025年为结好15周年") == 2
    for html, publisher in ((english, "Foreign Affairs Office (English site)"), (chinese, "外办")):
        assert "2010" not in html and "Worked out" not in html
        assert publisher in sources_list(html)


def test_an_anniversary_works_out_only_a_year():
    city = make_city()
    fact = Fact(
        city=city,
        figure="sister_since",
        date=datetime.date(2010, 5, 1),
        date_precision="day",
        anniversary=15,
    )
    with pytest.raises(ValidationError) as error:
        fact.full_clean(exclude=["sources"])
    assert "anniversary" in error.value.message_dict


def test_a_stated_total_names_who_stated_it_and_when(client):
    make_city()
    government = make_source(
        publisher_en="People's Government of Shenyang Municipality (English site)",
        publisher_zh_hans="沈阳市人民政府网站",
        date=datetime.date(2023, 2, 16),
        note="relays a post of the Shenyang WeChat official account",
    )
    StatedTotal.objects.create(
        sister_cities=23,
        friendly_cities=78,
        as_of=datetime.date(2023, 2, 16),
        source=government,
    )
    english = client.get("/en/cities/")
    assertContains(
        english, "Stated by People&#x27;s Government of Shenyang Municipality (English site), as of"
    )
    assertNotContains(english, "The office&#x27;s own published total")
    assertNotContains(english, "WeChat")
    chinese = client.get("/zh-hans/cities/")
    assertContains(
        chinese, "沈阳市人民政府网站公布（截至2023年2月16日）：友好城市23个、友好合作城市78个。"
    )
    assertNotContains(chinese, "外办公布的总数")


def test_a_total_only_a_repost_states_is_not_shown(client, repost):
    make_city()
    StatedTotal.objects.create(sister_cities=20, as_of=datetime.date(2018, 9, 11), source=repost)
    assertNotContains(client.get("/en/cities/"), "stated-total")


@pytest.fixture
def rivals():
    make_city(is_home=True, slug="home", name_en="Shenyang", name_zh_hans="沈阳")
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇", ordinal=22)
    jinja = make_city(slug="jinja", name_en="Jinja", name_zh_hans="金贾")
    karachi_page = make_source(publisher_en="Karachi page", publisher_zh_hans="卡拉奇页面")
    jinja_page = make_source(
        publisher_en="Jinja page", publisher_zh_hans="金贾页面", url="https://gov.example/jinja"
    )
    make_fact(karachi, "ordinal", 22, [karachi_page])
    make_fact(jinja, "ordinal", 22, [jinja_page], is_public=False, note="Also says 22nd.")
    return karachi, jinja


def test_two_cities_called_the_same_ordinal_are_noted_on_both_pages(client, rivals):
    karachi, jinja = rivals
    english = page(client, karachi)
    assert re.search(
        r"Sources disagree: Karachi page calls Karachi Shenyang's 22nd sister city"
        r"(<wbr>)?<sup.*?</sup>; Jinja page calls Jinja Shenyang's 22nd sister city(<wbr>)?<sup",
        english,
    )
    assert "https://gov.example/jinja" in sources_list(english)
    chinese = page(client, karachi, "zh-hans")
    assert "来源说法不一：卡拉奇页面称卡拉奇为沈阳第22个友好城市" in chinese
    assert "；金贾页面称金贾为沈阳第22个友好城市" in chinese
    on_jinja = page(client, jinja)
    assert "Jinja page calls Jinja Shenyang's 22nd sister city" in on_jinja
    assert "The office has not confirmed this city's place." in on_jinja
    assert "ordinal-badge" not in on_jinja and "Also says 22nd" not in on_jinja
    assert "本站暂不标注该市的序号。" in page(client, jinja, "zh-hans")


def test_a_claim_only_a_repost_backs_is_no_dispute(client, rivals, repost):
    karachi, jinja = rivals
    Fact.objects.get(city=jinja).sources.set([repost])
    assert "Sources disagree" not in page(client, karachi)


def test_the_home_city_s_compared_figures_name_their_sources(client, repost):
    home = make_city(is_home=True, slug="home", name_en="Shenyang", name_zh_hans="沈阳")
    home.population, home.area_km2 = 9_070_093, 12942
    home.save()
    census = make_source(publisher_en="Census page", url="https://gov.example/census")
    make_fact(
        home, "population", 9_070_093, [census], as_of=datetime.date(2020, 11, 1),
        as_of_precision="day",
    )  # fmt: skip
    make_fact(home, "area", 12942, [repost])
    partner = make_city()
    english = page(client, partner)
    assert re.search(
        r"Sources of Shenyang's figures: Population(<wbr>)?<sup.*?</sup> <span", english
    )
    assert "https://gov.example/census" in sources_list(english)
    assert "copycat" not in english
    chinese = page(client, partner, "zh-hans")
    assert re.search(r"沈阳数据的来源：人口(<wbr>)?<sup.*?</sup><span", chinese)
    assert City.objects.get(pk=home.pk).area_km2 == 12942
