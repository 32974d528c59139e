"""Search across the language line (portal/search/bridge.py): an official name typed
in the other language searches its name in this one, and the page says so."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from portal.editorial.glossary import Term
from portal.search.bridge import bridged_query
from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def names(db):
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    make_city(slug="shenyang", name_en="Shenyang", name_zh_hans="沈阳", is_home=True)
    make_article(
        title_en="Shenyang and Karachi become sister cities",
        title_zh_hans="沈阳与卡拉奇结为友好城市",
        cities=[karachi],
    )
    return karachi


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_karachi_on_the_chinese_site_finds_the_partner_city(client, names):
    response = client.get("/zh-hans/search/", {"q": "karachi"})
    assertContains(response, 'href="/zh-hans/cities/karachi/"')
    assertContains(response, "以下是“卡拉奇”的搜索结果（“karachi”在本站的写法）。")
    assertContains(response, "沈阳与<mark>卡拉奇</mark>结为友好城市")
    assertContains(response, 'value="karachi"', count=2)  # both boxes keep what was typed


def test_shenyang_in_chinese_on_the_english_site_finds_its_news(client, names):
    response = client.get("/en/search/", {"q": "沈阳"})
    assertContains(response, "Showing results for “Shenyang”, as “沈阳” is written here.")
    assertContains(response, "<mark>Shenyang</mark> and Karachi become sister cities")


def test_a_name_in_the_active_language_is_searched_as_typed(client, names):
    response = client.get("/en/search/", {"q": "Karachi"})
    assertNotContains(response, "Showing results for")
    assertContains(response, 'href="/en/cities/karachi/"')


def test_only_a_whole_name_is_bridged(names):
    assert bridged_query("Karachi port", "zh-hans") is None
    assert bridged_query("卡拉", "en") is None
    assert bridged_query("", "en") is None


def test_official_names_from_the_glossary_bridge_too(names):
    Term.objects.create(
        chinese="中国人民对外友好协会",
        english="Chinese People's Association for Friendship with Foreign Countries",
        kind="organisation",
    )
    bridge = bridged_query(
        "chinese people's association for friendship with foreign countries", "zh-hans"
    )
    assert bridge.searched == "中国人民对外友好协会" and bridge.language == "en"
    assert bridged_query("中国人民对外友好协会", "en").searched.startswith("Chinese People's")


def test_an_unpublished_city_bridges_nothing(names):
    make_city(slug="draft", name_en="Atlantis", name_zh_hans="亚特兰蒂斯", status="draft")
    assert bridged_query("Atlantis", "zh-hans") is None
