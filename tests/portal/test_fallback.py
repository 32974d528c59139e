"""Every translated value a page prints falls back the same way: marked with its `lang`."""

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_only_names(db):
    """A home city and a partner whose names exist in Chinese only, published in
    Chinese only (an incomplete translation would keep them off English pages)."""
    home = make_city(
        slug="shenyang", name_en="", name_zh_hans="沈阳", is_home=True, original_only=True
    )
    partner = make_city(
        slug="karachi", name_en="", name_zh_hans="卡拉奇", ordinal=22, original_only=True
    )
    partner.latitude, partner.longitude = 24.86, 67.0
    partner.save()
    return home, partner


def test_city_page_marks_every_fallback_name(client, chinese_only_names):
    response = client.get("/en/cities/karachi/")
    marked = '<span lang="zh-hans">卡拉奇</span>'
    # The breadcrumb, the heading of the comparison, the ordinal phrase.
    assertContains(response, f'<span aria-current="page">{marked}</span>', html=True)
    assertContains(response, 'Compare with <span lang="zh-hans">沈阳</span>')
    assertContains(response, '<span lang="zh-hans">沈阳</span>&#x27;s 22nd sister city')
    # Where markup cannot go, the text is plain: the title.
    assertContains(response, "<title>卡拉奇 ·")


def test_diagram_labels_carry_the_lang_of_a_fallback_name(client, chinese_only_names):
    home, _partner = chinese_only_names
    home.latitude, home.longitude = 41.8, 123.4
    home.save()
    response = client.get("/en/cities/")
    assertContains(response, ' lang="zh-hans" aria-label="卡拉奇, ')
    assertContains(response, '<g class="home" lang="zh-hans" aria-hidden="true">')
    assertContains(response, '<a href="/en/cities/karachi/" lang="zh-hans">卡拉奇</a>')


def test_nothing_is_marked_in_the_names_own_language(client, chinese_only_names):
    response = client.get("/zh-hans/cities/karachi/")
    assertNotContains(response, 'lang="zh-hans">卡拉奇')
    assertContains(response, '<span aria-current="page">卡拉奇</span>', html=True)


def test_article_breadcrumb_marks_a_fallback_title(client, db):
    make_article(slug="signing", title_en="", title_zh_hans="签约仪式", original_only=True)
    response = client.get("/en/news/signing/")
    crumb = '<span aria-current="page"><span lang="zh-hans">签约仪式</span></span>'
    assertContains(response, crumb, html=True)


def test_localized_text_knows_its_language():
    from portal.formatting.i18n import LocalizedText

    text = LocalizedText("沈阳", "zh-hans")
    with translation.override("en"):
        assert text.fell_back and str(text.lang_attribute) == ' lang="zh-hans"'
        assert text.__html__() == '<span lang="zh-hans">沈阳</span>'
    with translation.override("zh-hans"):
        assert not text.fell_back and text.__html__() == "沈阳"
    assert not LocalizedText("", "en")
