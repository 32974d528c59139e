"""Stale is not missing: an edition that was complete stays public when its original changes.

It keeps its last whole translation under a dated notice, in its own language,
that links the original, and stays in that language's lists, search, feed,
sitemap and `hreflang` until the translation is complete again. An edition
that was never complete stays out, as before.

Here the cities and the migration that marked the stale editions stored before the
rule; articles, office pages, service guides and reports:
`test_stale_article_and_office_editions`.
"""

import datetime

import pytest
import time_machine
from pytest_django.asserts import assertContains, assertNotContains

from cities.models import City
from news.models import Article
from portal.editorial.models import Edition, PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_city
from tests.portal.editions import EDITED, XHTML, chinese_article, hreflangs
from tests.sitemap import sitemap_urls
from tests.two_factor import sign_in_fully

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

CHINESE_SUMMARY = "卡拉奇是巴基斯坦最大的城市和主要港口。"
CHINESE_NOTICE = (
    '<div class="edition-notice" role="note"><p>英文原文已于'
    '<time datetime="2026-12-07">2026年12月7日</time>更新，本页中文译文尚待更新。</p>'
    '<p><a href="/en/cities/karachi/" hreflang="en">阅读英文原文</a></p></div>'
)
CITY_CHANGE = "/admin/cities/city/{}/change/"


def karachi(**fields):
    """A published partner written in English, with its whole Chinese translation."""
    return make_city(
        slug="karachi",
        name_en="Karachi",
        name_zh_hans="卡拉奇",
        original_language="en",
        summary_en="Karachi is Pakistan's largest city and main port.",
        summary_zh_hans=CHINESE_SUMMARY,
        **fields,
    )


def edit_the_english_summary(city):
    city = City.objects.get(pk=city.pk)
    city.summary_en = "Karachi is Pakistan's largest city and main port, on the Arabian Sea."
    city.save()
    return city


def sitemap_alternates(client, url):
    entry = sitemap_urls(client).get(url)
    assert entry is not None, url
    return {link.get("hreflang") for link in entry.findall(f"{XHTML}link")}


def test_the_rule_for_one_record_and_for_lists_agree_on_a_stale_edition():
    city = edit_the_english_summary(karachi())
    assert city.translation_status()["zh-hans"] == "stale"
    assert city.editions() == {"zh-hans": Edition.STALE, "en": Edition.COMPLETE}
    assert list(City.objects.published().in_language("zh-hans")) == [city]


def test_an_english_edit_keeps_the_chinese_profile_with_a_dated_notice(client):
    edit_the_english_summary(karachi())
    response = client.get("/zh-hans/cities/karachi/")
    assert response.status_code == 200 and "X-Robots-Tag" not in response
    assertContains(response, CHINESE_SUMMARY)
    assertNotContains(response, "本城市介绍尚无中文版本")
    assertContains(response, CHINESE_NOTICE, html=True)
    assert hreflangs(response) == {"zh-hans", "en", "x-default"}
    # The original's own page carries no notice.
    english = client.get("/en/cities/karachi/")
    assertNotContains(english, "edition-notice")
    assert hreflangs(english) == {"zh-hans", "en", "x-default"}


def test_the_stale_chinese_profile_stays_in_every_chinese_channel(client):
    edit_the_english_summary(karachi())
    assertContains(client.get("/zh-hans/cities/"), 'href="/zh-hans/cities/karachi/"')
    found = client.get("/zh-hans/search/", {"q": "卡拉奇"})
    assertContains(found, 'href="/zh-hans/cities/karachi/"')
    alternates = sitemap_alternates(client, "http://testserver/zh-hans/cities/karachi/")
    assert alternates == {"zh-hans", "en", "x-default"}


def test_a_publisher_s_english_edit_in_the_admin_keeps_the_chinese_profile(client, sign_in):
    city = karachi()
    sign_in("Publishers")
    url = CITY_CHANGE.format(city.pk)
    summary = "Karachi is Pakistan's largest city and main port, on the Arabian Sea."
    response = client.post(url, admin_form_data(client.get(url), summary_en=summary), follow=True)
    assertContains(
        response,
        "The Chinese edition now shows its previous translation, with a notice that the "
        "original was updated, until the translation is updated.",
    )
    assertContains(client.get("/zh-hans/cities/karachi/"), CHINESE_NOTICE, html=True)
    assertContains(client.get("/zh-hans/cities/"), 'href="/zh-hans/cities/karachi/"')


def test_the_save_message_is_in_the_staff_member_s_language(client, sign_in):
    city = karachi()
    sign_in("Publishers")
    client.cookies["django_language"] = "zh-hans"
    url = CITY_CHANGE.format(city.pk)
    data = admin_form_data(client.get(url), summary_en="Karachi, on the Arabian Sea.")
    response = client.post(url, data, follow=True)
    assertContains(response, "中文版本在译文更新前继续显示此前的译文，并附原文已更新的提示。")


def test_a_save_that_leaves_the_translations_whole_says_nothing_of_editions(client, sign_in):
    city = karachi()
    sign_in("Publishers")
    url = CITY_CHANGE.format(city.pk)
    response = client.post(url, admin_form_data(client.get(url), ordinal="22"), follow=True)
    assertNotContains(response, "previous translation")
    city = City.objects.get(pk=city.pk)
    assert city.ordinal == 22 and city.edition("zh-hans") == Edition.COMPLETE


def test_the_change_form_tells_the_publisher_what_chinese_visitors_get(client, sign_in):
    city = edit_the_english_summary(karachi())
    sign_in("Publishers")
    assertContains(
        client.get(CITY_CHANGE.format(city.pk)),
        '<tr class="edition-stale"><th scope="row">Chinese</th><td>stale</td>'
        "<td>Visitors read its last complete Chinese translation, in every list, search, "
        "feed and sitemap, under a notice that the English original was updated on "
        "7 December 2026, until the translation is updated.</td></tr>",
        html=True,
    )


def test_an_approved_translation_takes_the_notice_away(client, sign_in, django_user_model):
    """The translator's update waits as a pending change; the notice stays until a
    publisher applies it."""
    city = edit_the_english_summary(karachi())
    sign_in("Translators")
    url = CITY_CHANGE.format(city.pk)
    updated = "卡拉奇是巴基斯坦最大的城市和主要港口，濒临阿拉伯海。"
    client.post(url, admin_form_data(client.get(url), summary_zh_hans=updated))
    change = PendingChange.objects.get()
    page = client.get("/zh-hans/cities/karachi/")
    assertContains(page, CHINESE_SUMMARY)
    assertContains(page, "本页中文译文尚待更新")

    publisher = django_user_model.objects.create_superuser("boss", "", "pw")
    sign_in_fully(client, publisher)
    client.post(f"/admin/cities/city/{city.pk}/pending/{change.pk}/apply/")
    page = client.get("/zh-hans/cities/karachi/")
    assertContains(page, updated)
    assertNotContains(page, "edition-notice")
    city.refresh_from_db()
    assert city.translation_states == {"zh_hans": "complete", "en": "complete"}


def test_applying_a_pending_change_to_the_original_names_the_stale_edition(
    client, sign_in, django_user_model
):
    city = karachi()
    sign_in("Editors")
    url = CITY_CHANGE.format(city.pk)
    client.post(url, admin_form_data(client.get(url), summary_en="Karachi, on the Arabian Sea."))
    change = PendingChange.objects.get()
    publisher = django_user_model.objects.create_superuser("boss", "", "pw")
    sign_in_fully(client, publisher)
    client.cookies["django_language"] = "en"
    response = client.post(f"/admin/cities/city/{city.pk}/pending/{change.pk}/apply/", follow=True)
    assertContains(response, "The changes are applied and published.")
    assertContains(response, "The Chinese edition now shows its previous translation")


def test_the_notice_keeps_the_date_the_original_first_changed():
    city = edit_the_english_summary(karachi())
    with time_machine.travel(EDITED + datetime.timedelta(days=9), tick=False):
        city.summary_en = "Karachi, a port on the Arabian Sea."
        city.save()
    city = City.objects.get(pk=city.pk)
    assert city.translation_states["stale_since"] == {"zh_hans": "2026-12-07"}
    # Made whole again, it is no longer marked; a later change dates the notice anew.
    city.summary_zh_hans = "卡拉奇是阿拉伯海边的港口。"
    city.save()
    assert "stale_since" not in City.objects.get(pk=city.pk).translation_states


def test_the_migration_marks_editions_complete_before_the_rule_and_only_those(client):
    """Stored before the rule, a stale edition had no mark and was hidden: a version
    showing it complete earns it one, dated by the change that made it stale."""
    import importlib

    from django.apps import apps

    from portal.search.index import fill_if_empty
    from portal.search.models import SearchEntry

    migration = importlib.import_module("portal.migrations.0018_stale_editions_stay_public")
    city = karachi()
    with time_machine.travel(EDITED + datetime.timedelta(days=2), tick=False):
        edit_the_english_summary(city)
    never = Article.objects.get(pk=chinese_article(body_en="").pk)
    never.title_zh_hans = "卡拉奇代表团再次访问沈阳"
    never.save()
    City.objects.update(translation_states={"zh_hans": "stale", "en": "complete"})
    Article.objects.update(translation_states={"zh_hans": "complete", "en": "missing"})

    migration.mark_stale_editions(apps, None)
    assert City.objects.get(pk=city.pk).translation_states == {
        "zh_hans": "stale",
        "en": "complete",
        "stale_since": {"zh_hans": "2026-12-09"},
    }
    assert Article.objects.get(pk=never.pk).edition("en") == Edition.ABSENT
    assert not SearchEntry.objects.exists(), "emptied, to be rebuilt after migrate"
    fill_if_empty()
    found = client.get("/zh-hans/search/", {"q": "卡拉奇"})
    assertContains(found, 'href="/zh-hans/cities/karachi/"')
    assertNotContains(client.get("/en/search/", {"q": "卡拉奇"}), "/en/news/visit/")
