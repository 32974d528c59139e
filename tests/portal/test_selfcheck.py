"""The self-check's indicators, each met and failed on small fixtures."""

import datetime

import pytest
import time_machine
from django.utils import translation

from portal.models import Term
from portal.problems.models import ProblemReport
from portal.selfcheck import links, records, sections, texts
from tests.factories import (
    make_article,
    make_city,
    make_guide,
    make_lead_image,
    make_office_page,
    make_photo,
    make_report,
)

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 12, 9, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_in_english():
    """At NOW, with the admin in English."""
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        yield


@pytest.fixture
def site():
    """One published item in every section, both languages, all fresh."""
    article = make_article(
        title_zh_hans="沈阳与卡拉奇结好", title_en="Shenyang and Karachi become sister cities"
    )
    city = make_city(name_zh_hans="卡拉奇", name_en="Karachi", slug="karachi")
    for kind in ("about", "contact", "accessibility"):
        make_office_page(kind)
    make_guide()
    make_report(year=2025)
    return article, city


def labels(result):
    return [failure.label for failure in result.failures]


def test_blank_sections_met_when_every_section_has_an_item(site):
    assert sections.blank_sections().met


def test_an_empty_section_is_blank_in_each_language(site):
    from office.models import ServiceGuide

    ServiceGuide.objects.update(status="draft")
    result = sections.blank_sections()
    assert not result.met
    assert [(f.label, f.public_url) for f in result.failures] == [
        ("Service guides", "/zh-hans/office/guides/"),
        ("Service guides", "/en/office/guides/"),
    ]
    assert result.failures[0].admin_url == "/admin/office/serviceguide/"


def test_news_older_than_two_weeks_is_not_updated_in_time(site):
    from news.models import Article

    assert sections.stale_sections().met
    Article.objects.update(published_at=NOW - datetime.timedelta(days=15))
    result = sections.stale_sections()
    assert labels(result) == ["News"]
    assert "15 days ago" in result.failures[0].detail
    # An edit to an old article adds no news.
    Article.objects.get().save()
    assert not sections.stale_sections().met


def test_other_periods_come_from_the_settings(site, settings):
    from office.models import ServiceGuide

    ServiceGuide.objects.update(published_at=NOW - datetime.timedelta(days=40))
    ServiceGuide.objects.update(updated_at=NOW - datetime.timedelta(days=40))
    settings.SELF_CHECK_UPDATE_DAYS = {"guides": 30}
    assert labels(sections.stale_sections()) == ["Service guides"]
    settings.SELF_CHECK_UPDATE_DAYS = {"guides": 60}
    assert sections.stale_sections().met


def test_identity_items_listed_until_set():
    result = records.identity_items()
    assert not result.met
    assert "Site identifier code (网站标识码)" in labels(result)
    assert result.failures[0].admin_url == "/admin/portal/office/add/"


def test_a_wrong_official_name_is_listed(site):
    article, _city = site
    assert texts.glossary_errors().note  # no glossary yet: nothing to hold text to
    Term.objects.create(chinese="卡拉奇", english="Karachi", kind="place")
    assert texts.glossary_errors().met
    article.title_en = "Shenyang and Karatschi become sister cities"
    article.save()
    result = texts.glossary_errors()
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert "Karachi" in failure.detail
    assert failure.public_url == f"/en/news/{article.slug}/"
    assert failure.admin_url == f"/admin/news/article/{article.pk}/change/"


def test_ascii_punctuation_between_chinese_characters_is_listed(site):
    article, city = site
    assert texts.ascii_punctuation().met
    city.province_zh_hans = "巴基斯坦, 信德省"
    city.save()
    article.body_zh_hans = "<p>签署意向书: </p><p>Version 2.0, English (ok)。</p>"
    article.save()
    result = texts.ascii_punctuation()
    details = {failure.label: failure.detail for failure in result.failures}
    assert len(details) == 2
    assert "巴基斯坦, 信德省" in next(
        d for label, d in details.items() if label.startswith("Karachi")
    )
    assert "签署意向书:" in next(d for label, d in details.items() if label.startswith("Shenyang"))


def test_a_picture_without_alt_text_is_listed(site):
    article, city = site
    make_photo(city)
    make_lead_image(article)
    assert records.missing_alt_text().met
    make_photo(city, alt_en="", caption_zh_hans="港口")
    result = records.missing_alt_text()
    assert len(result.failures) == 1
    assert result.failures[0].public_url == "/en/cities/karachi/"
    assert result.failures[0].admin_url == f"/admin/cities/city/{city.pk}/change/"


def test_a_page_without_its_english_edition_is_listed(site):
    assert texts.bilingual_editions().met
    make_guide(title_en="", summary_zh_hans="说明")
    result = texts.bilingual_editions()
    assert len(result.failures) == 1
    assert "English" in result.failures[0].detail


def test_problem_reports_open_past_their_limit_are_listed(settings):
    settings.SELF_CHECK_REPORT_DAYS = 5
    ProblemReport.objects.create(page="/zh-hans/", description="x", language="zh-hans",
                                 created_at=NOW - datetime.timedelta(days=4))  # fmt: skip
    assert records.unanswered_reports().met
    late = ProblemReport.objects.create(
        page="//elsewhere.example/", description="y", language="en",
        created_at=NOW - datetime.timedelta(days=6),
    )  # fmt: skip
    result = records.unanswered_reports()
    assert [failure.admin_url for failure in result.failures] == [
        f"/admin/problems/problemreport/{late.pk}/change/"
    ]
    assert result.failures[0].public_url == ""  # not a page of this site
    late.status = "answered"
    late.reply = "Fixed."
    late.save()
    assert records.unanswered_reports().met


def test_links_within_the_site_are_followed(site):
    result = links.broken_links()
    assert result.met, result.failures
    assert "pages rendered" in result.note


def test_a_link_to_a_missing_page_is_listed(site):
    article, _city = site
    article.body_zh_hans = '<p>见<a href="/zh-hans/news/no-such-article/">此处</a>。</p>'
    article.save()
    result = links.broken_links()
    assert [(f.label, f.public_url) for f in result.failures] == [
        ("/zh-hans/news/no-such-article/", f"/zh-hans/news/{article.slug}/")
    ]
    assert "404" in result.failures[0].detail


def test_the_page_limit_is_kept(site, settings):
    settings.SELF_CHECK_MAX_PAGES = 3
    listed, capped = links.pages()
    assert len(listed) == 3 and capped


def test_the_active_language_is_left_as_found(site):
    """The pages rendered activate their languages; the check restores the caller's."""
    with translation.override("de"):
        links.broken_links()
        assert translation.get_language() == "de"
