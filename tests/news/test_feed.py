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
