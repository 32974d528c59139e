"""The news list reads only what its cards show; each card is the one the whole
record gives, in both languages."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from news.models import Article
from tests.factories import make_article, make_category, make_lead_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_everything(settings, media_dirs):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def articles(db):
    visits = make_category("visits", name_en="Visits", name_zh_hans="访问")
    pictured = make_article(
        slug="pictured",
        category=visits,
        standfirst_en="Both mayors signed.",
        standfirst_zh_hans="两市市长签约。",
        source_en="Shenyang Daily",
        source_zh_hans="沈阳日报",
    )
    make_lead_image(pictured, width=1200, height=800)
    make_article(
        slug="chinese-only",
        original_language="zh-hans",
        original_only=True,
        title_en="",
        body_en="",
        source_zh_hans="辽宁日报",
    )
    make_article(slug="plain", title_zh_hans="", body_zh_hans="", original_language="en")
    return ["pictured", "chinese-only", "plain"]


def cards(html):
    return re.findall(r'<li class="card[ "].*?</li>', html, re.S)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_card_is_the_card_of_the_whole_record(client, articles, language):
    listed = cards(client.get(f"/{language}/news/").content.decode())
    with translation.override(language):
        records = Article.objects.published().in_language(language)
        expected = [
            render_to_string(
                "news/includes/article_card.html", {"article": record, "prominent": False}
            )
            for record in records.select_related("category", "lead_image")
        ]
    assert listed == [card.strip() for card in expected]
    assert len(listed) == (3 if language == "en" else 2)
    assert "<picture>" in listed[-1] and "pictured" in listed[-1]


def test_the_list_reads_its_cards_in_one_query(client, articles):
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/news/")
    rows = [q["sql"] for q in queries if '"news_article"."slug"' in q["sql"]]
    assert len(rows) == 1
    assert '"body_en"' not in rows[0] and '"created_at"' not in rows[0]
    assert '"translation_basis"' not in rows[0]
