"""The article page: the report with its source, date, reporter and related cities."""

import pytest

pytestmark = pytest.mark.django_db

ARTICLE = "shenyang-and-karachi-become-sister-cities"


def test_article_shows_source_date_reporter_and_related_city(client, demo):
    html = client.get(f"/en/news/{ARTICLE}/").content.decode()
    for text in ("Shenyang Daily", "December 10, 2021", "Han Bing", 'href="/en/cities/karachi/"'):
        assert text in html
    html = client.get(f"/zh-hans/news/{ARTICLE}/").content.decode()
    for text in ("沈阳日报", "2021年12月10日", "韩冰", "吕志成"):
        assert text in html
