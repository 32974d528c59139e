"""A one-character query finds every record holding that character, wherever it
stands, ranked and published-only like any search (on SQLite, and on PostgreSQL
with DATABASE_URL)."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from portal.search.query import search_articles, search_cities
from tests.factories import make_article, make_city


@pytest.fixture
def reports(db):
    return {
        "end": make_article(slug="end", body_zh_hans="<p>两市签署合作项目</p>"),
        "start": make_article(slug="start", body_zh_hans="<p>目标是扩大交流</p>"),
        "middle": make_article(slug="middle", body_zh_hans="<p>这个项目很重要</p>"),
        "alone": make_article(slug="alone", title_zh_hans="目"),
        "none": make_article(slug="none", body_zh_hans="<p>港口物流</p>"),
    }


def test_one_character_finds_it_at_the_end_start_and_middle_of_a_run(reports):
    found = {article.slug for article in search_articles("目", "zh-hans")}
    assert found == {"end", "start", "middle", "alone"}


def test_two_characters_still_match_as_a_phrase(reports):
    found = {article.slug for article in search_articles("项目", "zh-hans")}
    assert found == {"end", "middle"}
    assert not list(search_articles("目项", "zh-hans"))


def test_the_search_page_finds_xiangmu_by_its_second_character(client, db):
    make_article(slug="project", title_zh_hans="两市签署合作项目", title_en="A project is signed")
    make_article(slug="other", title_zh_hans="港口物流", title_en="Port logistics")
    response = client.get("/zh-hans/search/", {"q": "目"})
    assertContains(response, "/zh-hans/news/project/")
    assertNotContains(response, "/zh-hans/news/other/")


def test_one_character_ranks_title_matches_first_then_newest_published_only(db):
    body_new = make_article(
        slug="body-new", body_zh_hans="<p>新的项目</p>", published_at="2024-01-01T00:00Z"
    )
    title_old = make_article(
        slug="title-old", title_zh_hans="旧项目", published_at="2020-01-01T00:00Z"
    )
    body_old = make_article(
        slug="body-old", body_zh_hans="<p>老项目</p>", published_at="2021-01-01T00:00Z"
    )
    make_article(slug="draft", title_zh_hans="草稿项目", status="draft")
    make_article(slug="later", title_zh_hans="以后的项目", published_at="2999-01-01T00:00Z")
    assert list(search_articles("目", "zh-hans")) == [title_old, body_new, body_old]


def test_one_character_searches_the_visitors_language(db):
    make_article(slug="zh", title_zh_hans="合作项目", title_en="Cooperation")
    assert [a.slug for a in search_articles("目", "zh-hans")] == ["zh"]
    assert not list(search_articles("目", "en"))


def test_one_character_finds_cities_by_a_character_inside_their_name(db):
    make_city(slug="lodz", name_zh_hans="罗兹", name_en="Lodz")
    make_city(slug="milan", name_zh_hans="米兰", name_en="Milan")
    assert [city.slug for city in search_cities("兹", "zh-hans")] == ["lodz"]
