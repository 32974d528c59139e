"""Search: Chinese indexed as character pairs, ranking, what is never found, the index kept
in step, and safety (searches of the seed story's real text: test_search_real_text.py)."""

import pytest
from pytest_django.asserts import assertContains

from portal.search.query import search_articles, search_cities
from portal.search.tokens import index_tokens, query_terms
from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db


def found(results):
    return bool(list(results))


@pytest.fixture
def karachi_news(db):
    """A partner city and a report about it, in both languages."""
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    return make_article(
        title_en="Karachi becomes a sister city",
        title_zh_hans="卡拉奇成为友好城市",
        cities=[karachi],
    )


def test_tokens_are_ascii_whatever_the_script():
    tokens = index_tokens("沈阳 Karachi Zürich Москва 2021")
    assert tokens.isascii()
    assert "karachi" in tokens.split() and "zurich" in tokens.split() and "2021" in tokens.split()


def pair(a, b):
    return f"z{ord(a):05x}{ord(b):05x}"


def single(char):
    return f"z{ord(char):05x}"


def test_chinese_is_indexed_as_overlapping_pairs_then_every_character():
    assert index_tokens("卡拉奇") == " ".join(
        [pair("卡", "拉"), pair("拉", "奇"), single("卡"), single("拉"), single("奇")]
    )
    assert query_terms("卡拉奇") == [([pair("卡", "拉"), pair("拉", "奇")], False)]
    # One character is one exact token, not a prefix of every pair starting with it.
    assert query_terms("沈") == [([single("沈")], False)]


def test_latin_and_digits_against_chinese_are_words_of_their_own(db):
    """Chinese text runs into Latin letters and figures with no space ("APEC商务旅行卡",
    "2021年12月9日"): each is found on its own, and the Chinese beside it too."""
    assert index_tokens("APEC商务") == " ".join(
        ["apec", pair("商", "务"), single("商"), single("务")]
    )
    card = make_article(
        slug="apec",
        title_zh_hans="APEC商务旅行卡",
        body_zh_hans="<p>2021年12月9日起受理申请。</p>",
        original_language="zh-hans",
    )
    for query in ("APEC", "apec", "旅行卡", "2021", "12月9日", "APEC商务"):
        assert list(search_articles(query, "zh-hans")) == [card], query
    assert not found(search_articles("2022", "zh-hans"))


def test_title_matches_rank_before_newer_body_matches(db):
    older = make_article(
        title_en="Karachi port opens", slug="older", published_at="2020-01-01T00:00Z"
    )
    newer = make_article(
        title_en="Trade fair",
        body_en="<p>Karachi again</p>",
        slug="newer",
        published_at="2021-01-01T00:00Z",
    )
    assert list(search_articles("karachi", "en")) == [older, newer]


@pytest.mark.parametrize("max_words", [32, 1])
def test_a_word_finds_every_word_it_begins(db, monkeypatch, max_words):
    """A typed word is a prefix: on SQLite looked up as the words it begins, or,
    past MAX_PREFIX_WORDS of them, searched as a prefix; the results are the same."""
    monkeypatch.setattr("portal.search.sqlite_search.MAX_PREFIX_WORDS", max_words)
    port = make_article(slug="port", title_en="Port news", published_at="2020-01-01T00:00Z")
    porter = make_article(
        slug="porter", body_en="<p>A porter</p>", published_at="2022-01-01T00:00Z"
    )
    ports = make_article(slug="ports", body_en="<p>Two ports</p>", published_at="2021-01-01T00:00Z")
    make_article(slug="sport", body_en="<p>Sport</p>")
    results = search_articles("port", "en")
    assert list(results) == [port, porter, ports]
    assert (results.title_count, results.total) == (1, 3)
    assert list(search_articles("porte", "en")) == [porter]
    nothing = search_articles("portx", "en")
    assert not list(nothing) and nothing.count() == 0
    assert not found(search_articles("port portx", "en")), "every word must match"


def test_drafts_scheduled_and_withdrawn_articles_are_never_found(db):
    make_article(title_en="Karachi draft", status="draft", slug="a")
    make_article(title_en="Karachi review", status="review", slug="b")
    make_article(title_en="Karachi withdrawn", status="withdrawn", slug="c")
    make_article(title_en="Karachi later", published_at="2999-01-01T00:00Z", slug="d")
    make_city(name_en="Karachi", status="draft", slug="karachi")
    assert not found(search_articles("karachi", "en"))
    assert not found(search_cities("karachi", "en"))


def test_edits_and_deletions_reach_the_index(db):
    article = make_article(title_en="Lahore visit", slug="lahore")
    assert found(search_articles("lahore", "en"))
    article.title_en = "Multan visit"
    article.save()
    assert not found(search_articles("lahore", "en"))
    assert found(search_articles("multan", "en"))
    article.delete()
    assert not found(search_articles("multan", "en"))


@pytest.mark.parametrize(
    "query",
    [
        '<script>alert("x")</script>',
        '"; DROP TABLE news_article; --',
        "NEAR(a b) OR title_tokens : x*",
        "*",
        '"""',
        "a" * 5000,
        "卡" * 300,
        "\x00\x01",
        "   ",
        "%_%",
    ],
)
def test_hostile_or_odd_queries_are_answered_safely(client, karachi_news, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert 'value="' + "a" * 101 not in html, "queries are cut to 100 characters"


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "1e9"])
def test_odd_page_numbers_never_fail(client, karachi_news, page):
    assert client.get("/en/search/", {"q": "karachi", "page": page}).status_code == 200


def test_long_query_is_cut_and_said_so(client, karachi_news):
    response = client.get("/en/search/", {"q": "karachi " * 40})
    assertContains(
        response, "Your search was long; only its first 100 characters were used.", html=True
    )


def test_migrate_fills_an_empty_index(karachi_news):
    from django.core.management import call_command

    from portal.search.models import SearchEntry

    SearchEntry.objects.all().delete()
    assert not found(search_articles("卡拉奇", "zh-hans"))
    call_command("migrate", verbosity=0)
    assert found(search_articles("卡拉奇", "zh-hans"))


def test_snippets_show_ampersands_once_escaped(client, db):
    make_article(slug="tj", title_en="Trade", body_en="<p>Tom &amp; Jerry visit Karachi</p>")
    html = client.get("/en/search/", {"q": "karachi"}).content.decode()
    assert "Tom &amp; Jerry" in html and "&amp;amp;" not in html
