"""Search finds what visitors type in the seed story's real Chinese and English text."""

import pytest
from pytest_django.asserts import assertContains

from portal.search.query import search_articles, search_cities

pytestmark = pytest.mark.django_db


def found(results):
    return bool(list(results))


@pytest.mark.parametrize(
    ("query", "expected"),
    [("沈阳", True), ("卡拉奇", True), ("巴基斯坦", True), ("友好城市", True), ("阳卡", False)],
)
def test_chinese_substrings_find_articles(demo, query, expected):
    assert found(search_articles(query, "zh-hans")) is expected


def test_two_character_query_finds_karachi_among_cities(demo):
    assert [city.slug for city in search_cities("卡拉", "zh-hans")] == ["karachi"]
    assert [city.slug for city in search_cities("卡拉奇", "zh-hans")] == ["karachi"]


def test_english_words_and_prefixes_find_articles(demo):
    for query in ("Karachi", "karachi", "KARACH", "Shenyang Daily", "sister cities"):
        assert found(search_articles(query, "en")), query
    assert not found(search_articles("Karachi Tokyo", "en")), "every word must match"


def test_search_uses_the_active_languages_text(demo):
    assert [city.slug for city in search_cities("Karachi", "en")] == ["karachi"]
    assert not found(search_cities("Karachi", "zh-hans"))


def test_results_page_keeps_cities_and_news_apart_and_highlights(client, demo):
    response = client.get("/zh-hans/search/", {"q": "卡拉奇"})
    html = response.content.decode()
    assert 'id="city-results"' in html and 'id="article-results"' in html
    assertContains(response, "<mark>卡拉奇</mark>", html=True)
    assertContains(client.get("/en/search/", {"q": "karachi"}), "<mark>Karachi</mark>", html=True)
