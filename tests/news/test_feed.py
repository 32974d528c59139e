"""The news feed: RSS 2.0 in the language of its address."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Shenyang and Karachi, Pakistan, become sister cities"),
        ("zh-hans", "沈阳与巴基斯坦卡拉奇结为友好城市"),
    ],
)
def test_feed_is_rss2_in_the_urls_language(client, demo, lang, title):
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
