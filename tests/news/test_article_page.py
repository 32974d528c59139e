"""The article page: the report with its source, date, reporter and related cities."""

import datetime

import pytest
from pytest_django.asserts import assertContains

from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(db):
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    return make_article(
        slug="signing",
        body_en="<p>Acting Mayor Lyu Zhicheng signed the agreement.</p>",
        body_zh_hans="<p>代市长吕志成签署了协议。</p>",
        source_en="Shenyang Daily",
        source_zh_hans="沈阳日报",
        source_date=datetime.date(2021, 12, 10),
        author_en="Han Bing",
        author_zh_hans="韩冰",
        published_at="2021-12-10T00:00Z",
        cities=[karachi],
    )


def test_article_shows_source_date_reporter_and_related_city(client, report):
    response = client.get("/en/news/signing/")
    for seen in (
        "10 December 2021",
        "Source: Shenyang Daily",
        "Reporter: Han Bing",
        "<p>Acting Mayor Lyu Zhicheng signed the agreement.</p>",
        '<a href="/en/cities/karachi/">Karachi</a>',
    ):
        assertContains(response, seen, html=True)
    response = client.get("/zh-hans/news/signing/")
    for seen in (
        "2021年12月10日",
        "来源：沈阳日报",
        "记者：韩冰",
        "<p>代市长吕志成签署了协议。</p>",
        '<a href="/zh-hans/cities/karachi/">卡拉奇</a>',
    ):
        assertContains(response, seen, html=True)
