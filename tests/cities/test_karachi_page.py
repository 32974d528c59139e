"""The Karachi page shows the seed story's facts as written, in both languages."""

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db

ARTICLE = "shenyang-and-karachi-become-sister-cities"


def test_karachi_shows_the_seed_facts_as_written_in_english(client, demo):
    response = client.get("/en/cities/karachi/")
    for text in (
        "Shenyang's 22nd sister city",
        "August 2018",
        "28 March 2019",
        "9 December 2021",
        "3,527 km²",
        "about 20 million",
        "13 °C",
        "34 °C",
        "200 mm",
        "Sindh",
        "Friendly exchanges",
        "Compare with Shenyang",
        "Pillar industries",
    ):
        assertContains(response, text, html=True)
    # A phrase of the climate paragraph, not a whole element: matched as text.
    assertContains(response, "subtropical desert climate")


def test_karachi_shows_the_seed_facts_as_written_in_chinese(client, demo):
    response = client.get("/zh-hans/cities/karachi/")
    for text in (
        "沈阳第22个友好城市",
        "2018年8月",
        "2019年3月28日",
        "2021年12月9日",
        "3,527平方公里",
        "约2000万",
        "13°C",
        "200毫米",
        "信德省",
        "友好交往",
        "与沈阳对比",
        "支柱产业",
    ):
        assertContains(response, text, html=True)
    assertContains(response, "亚热带沙漠气候")


def test_timeline_links_the_signing_to_its_report(client, demo):
    assertContains(
        client.get("/en/cities/karachi/"),
        f'<a href="/en/news/{ARTICLE}/">Sister-city agreement signed</a>',
        html=True,
    )
    assertContains(
        client.get("/zh-hans/cities/karachi/"),
        f'<a href="/zh-hans/news/{ARTICLE}/">两市签署缔结友好城市关系协议</a>',
        html=True,
    )
