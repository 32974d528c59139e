"""A one-character query finds every record holding that character, wherever it stands."""

import pytest

from portal.search.query import search_articles
from tests.factories import make_article


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
