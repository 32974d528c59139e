"""The demo's sources as the shared data's README says: no repost and no staff note
on any public page, Hamamatsu's worked-out year shown as its anniversary, the
stated total with who stated it, the two 22nd cities noted, Shenyang's figures
with their sources, and a profile for every partner."""

import json
import re
from html import unescape
from pathlib import Path

import pytest

from cities.models import City, Fact, Source, SourceKind

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parents[2] / "portal" / "demo" / "data"
LANGUAGES = ("zh-hans", "en")


def read(client, path):
    return unescape(client.get(path).content.decode())


def public_pages():
    slugs = City.objects.partners().values_list("slug", flat=True)
    paths = ["/{}/", "/{}/cities/", "/{}/office/"] + [f"/{{}}/cities/{slug}/" for slug in slugs]
    return [path.format(language) for path in paths for language in LANGUAGES]


def staff_only_texts():
    """Every repost's publisher and address, and every note: the sources' and
    figures' in the database, the data's on sources and records."""
    reposts = Source.objects.filter(kind=SourceKind.REPOST)
    texts = {text for source in reposts for text in (source.publisher_en, source.url) if text}
    texts |= {source.publisher_zh_hans for source in reposts if source.publisher_zh_hans}
    notes = set(Source.objects.exclude(note="").values_list("note", flat=True))
    notes |= set(Fact.objects.exclude(note="").values_list("note", flat=True))
    for record in json.loads((DATA / "shenyang-partners.json").read_text(encoding="utf-8")):
        notes |= {record[key] for key in ("notes", "relationship_note") if key in record}
        notes |= set(record.get("conflicts", ()))
        for specs in record["sources"].values():
            notes |= {spec["note"] for spec in specs if "note" in spec}
    totals = json.loads((DATA / "shenyang-partner-totals.json").read_text(encoding="utf-8"))
    notes |= {total["source"]["note"] for total in totals["totals"]}
    # A short note that is part of a shown publisher's name ("CRI" in "CRI Online
    # Liaoning") is that name, not the note.
    shown = Source.objects.exclude(kind=SourceKind.REPOST)
    names = " ".join(f"{source.publisher_en} {source.publisher_zh_hans}" for source in shown)
    return texts | {note[:60] for note in notes if note not in names}


def test_no_repost_and_no_note_reaches_a_public_page(client, demo):
    texts = staff_only_texts()
    assert "hnhxyygs.com" in texts and "city.eeju.com" in texts and "Wikipedia (English)" in texts
    for path in public_pages():
        html = read(client, path)
        for text in texts:
            assert text not in html, (path, text)


@pytest.mark.parametrize(
    ("slug", "absent"),
    [
        ("sapporo", ["hnhxyygs", "转载", "出处不明"]),
        ("belfast", ["eeju", "repost", "沈阳网", "Shenyang Net"]),
    ],
)
def test_the_reposts_named_in_the_issue_are_gone(client, demo, slug, absent):
    for language in LANGUAGES:
        html = read(client, f"/{language}/cities/{slug}/")
        for text in absent:
            assert text not in html, (language, text)


def test_belfast_s_date_only_reposts_state_shows_without_a_footnote_and_staff_see_why(
    client, admin_client, demo
):
    belfast = City.objects.get(slug="belfast")
    html = read(client, "/en/cities/belfast/")
    row = html[html.index("<dt>Sister city since</dt>") :].split("</div>")[0]
    assert "2016-05-18" in row and 'class="cite' not in row
    admin_client.cookies["django_language"] = "en"
    change = read(admin_client, f"/admin/cities/city/{belfast.pk}/change/")
    box = change[change.index('<ul class="needs-source">') :].split("</ul>")[0]
    assert "Sister city since" in box and "city.eeju.com" in box
    listing = read(admin_client, "/admin/cities/city/?o=-6")
    for slug in ("belfast", "shenyang"):
        pk = City.objects.get(slug=slug).pk
        row = re.search(
            rf"<tr>(?:(?!</tr>).)*/admin/cities/city/{pk}/change/.*?</tr>", listing, re.S
        )
        assert "needs an official source" in row.group(0), slug
    sapporo = City.objects.get(slug="sapporo").pk
    row = re.search(
        rf"<tr>(?:(?!</tr>).)*/admin/cities/city/{sapporo}/change/.*?</tr>", listing, re.S
    )
    assert "needs an official source" not in row.group(0)


def test_hamamatsu_shows_its_anniversary_not_a_worked_out_year(client, demo):
    hamamatsu = City.objects.get(slug="hamamatsu")
    assert hamamatsu.sister_since is None
    fact = Fact.objects.get(city=hamamatsu, figure="sister_since")
    assert (fact.date.year, fact.anniversary, fact.date_precision) == (2010, 15, "year")
    for language, words in (("en", "15th anniversary in 2025"), ("zh-hans", "2025年为结好15周年")):
        html = read(client, f"/{language}/cities/hamamatsu/")
        assert html.count(words) >= 2, language  # the fact box and the relationship
        assert "2010" not in html and "自2010年" not in html
        assert 'class="cite' in html[html.index(words) :][:200]


def test_the_stated_total_names_the_city_government_s_english_site_and_its_date(client, demo):
    english = read(client, "/en/cities/")
    assert "Stated by People's Government of Shenyang Municipality (English site), as of" in english
    assert "23 sister cities and 78 friendly cooperative cities" in english
    chinese = read(client, "/zh-hans/cities/")
    assert (
        "沈阳市人民政府网站公布（截至2023年2月16日）：友好城市23个、友好合作城市78个。" in chinese
    )
    for html in (english, chinese):
        assert "The office's own published total" not in html and "外办公布的总数" not in html
        assert "WeChat" not in html


def test_karachi_and_jinja_say_that_both_are_called_the_22nd(client, demo):
    karachi = read(client, "/en/cities/karachi/")
    assert re.search(r"Sources disagree: .*? calls Karachi Shenyang's 22nd sister city", karachi)
    assert "calls Jinja Shenyang's 22nd sister city" in karachi
    jinja_page = "https://www.shenyang.gov.cn/english/aboutshenyang/sistercities/202201/t20220122_2577386.html"
    assert jinja_page in karachi[karachi.index('class="section sources"') :]
    chinese = read(client, "/zh-hans/cities/karachi/")
    assert re.search(r"来源说法不一：沈阳市人民政府\w+称卡拉奇为沈阳第22个友好城市", chinese)
    assert "称金贾为沈阳第22个友好城市" in chinese
    jinja = read(client, "/en/cities/jinja/")
    assert "calls Jinja Shenyang's 22nd sister city" in jinja
    assert "The office has not confirmed this city's place." in jinja


def test_shenyang_s_figures_have_their_sources_and_dates(client, demo):
    shenyang = City.objects.get(is_home=True)
    population = Fact.objects.get(city=shenyang, figure="population", is_public=True)
    source = population.sources.get()
    assert population.raw_value == 9_070_093 and population.as_of.isoformat() == "2020-11-01"
    assert source.kind == "official" and source.date.isoformat() == "2021-06-02"
    assert source.url.startswith("https://www.shenyang.gov.cn/english/")
    # No official page states the area or the rainfall: each keeps its third-party
    # source, which visitors are not shown, and waits for an official one.
    for figure, value in (("area", 12942), ("precipitation", 722)):
        fact = Fact.objects.get(city=shenyang, figure=figure, is_public=True)
        assert fact.raw_value == value
        assert {source.kind for source in fact.sources.all()} == {"repost"}
    for language, words in (
        ("en", "Sources of Shenyang's figures: Population"),
        ("zh-hans", "沈阳数据的来源：人口"),
    ):
        html = read(client, f"/{language}/cities/sapporo/")
        assert words in html and "2020-11-01" in html
        assert source.url in html[html.index('class="section sources"') :]


def test_every_partner_has_a_profile_in_both_languages(client, demo):
    for city in City.objects.partners():
        assert city.summary_en and city.summary_zh_hans, city.slug
        assert not re.search(r"[,:;()!?]", city.summary_zh_hans), city.slug
    sapporo = City.objects.get(slug="sapporo")
    assert "first sister city" in sapporo.summary_en and "第一个友好城市" in sapporo.summary_zh_hans
    assert sapporo.summary_zh_hans in read(client, "/zh-hans/cities/sapporo/")
    assert sapporo.summary_en in read(client, "/en/cities/sapporo/")


def test_an_official_page_is_listed_first(client, demo):
    html = read(client, "/en/cities/karachi/")
    listed = html[html.index('class="section sources"') :]
    kinds = []
    for url in re.findall(r'class="source-url">([^<]+)<', listed):
        kinds.append(SourceKind.rank(Source.objects.filter(url=url).first().kind))
    assert kinds == sorted(kinds) and kinds[0] == 0 and kinds[-1] > 0
