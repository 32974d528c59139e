"""The news feed: RSS 2.0 in the language of its address."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(db):
    return make_article(
        slug="shenyang-and-karachi-become-sister-cities",
        title_en="Shenyang and Karachi, Pakistan, become sister cities",
        title_zh_hans="沈阳与巴基斯坦卡拉奇结为友好城市",
    )


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Shenyang and Karachi, Pakistan, become sister cities"),
        ("zh-hans", "沈阳与巴基斯坦卡拉奇结为友好城市"),
    ],
)
def test_feed_is_rss2_in_the_urls_language(client, report, lang, title):
    response = client.get(f"/{lang}/news/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("language").text == lang
    item = channel.find("item")
    assert item.find("title").text == title
    assert item.find("link").text.endswith(
        f"/{lang}/news/shenyang-and-karachi-become-sister-cities/"
    )
    assert item.find("pubDate").text


def test_an_original_only_item_is_marked_as_the_lists_mark_it(client, db):
    make_article(
        slug="chinese-only",
        title_zh_hans="沈阳市外办举办开放日",
        title_en="",
        body_en="",
        original_language="zh-hans",
        original_only=True,
    )
    titles = [
        item.find("title").text
        for item in ET.fromstring(client.get("/en/news/feed/").content).iter("item")
    ]
    assert titles == ["沈阳市外办举办开放日 (Chinese only)"]
    assert 'class="tag only-in">Chinese only</span>' in client.get("/en/news/").content.decode()
    chinese = ET.fromstring(client.get("/zh-hans/news/feed/").content)
    assert [item.find("title").text for item in chinese.iter("item")] == ["沈阳市外办举办开放日"]


def test_an_english_only_item_in_the_chinese_feed(client, db):
    make_article(
        slug="english-only",
        title_en="Open day at the office",
        title_zh_hans="",
        body_zh_hans="",
        original_language="en",
        original_only=True,
    )
    client.cookies["django_language"] = "zh-hans"
    feed = ET.fromstring(client.get("/zh-hans/news/feed/").content)
    titles = [item.find("title").text for item in feed.iter("item")]
    assert titles == ["Open day at the office（仅英文）"]
