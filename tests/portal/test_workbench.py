"""The translators' workbench: side by side, under the same rules as the change form."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from cities.models import Exchange
from news.models import Article
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city, make_exchange, make_photo

pytestmark = pytest.mark.django_db


def url(record, language="en"):
    return reverse("translation_workbench", args=[record._meta.label_lower, record.pk, language])


def chinese_article(**fields):
    fields.setdefault("slug", "visit")
    fields.setdefault("title_en", "")
    return make_article(
        title_zh_hans="卡拉奇代表团访问沈阳",
        standfirst_zh_hans="代表团由市长率领。",
        body_zh_hans="<p>卡拉奇代表团<strong>访问</strong>沈阳。</p>",
        body_en="",
        original_language="zh-hans",
        **fields,
    )


def form(client, record, language="en", **changes):
    page = client.get(url(record, language))
    assert page.status_code == 200
    return admin_form_data(page, **changes)


def field(record, name, language="en"):
    lang = language.replace("-", "_")
    return f"{record._meta.label_lower}-{record.pk}-{name}_{lang}"


def test_the_original_beside_the_translation_field_by_field(client, sign_in):
    article = chinese_article(status="draft")
    sign_in("Translators")
    response = client.get(url(article))
    assertContains(
        response,
        '<div class="original-text" lang="zh-hans">'
        "<p>卡拉奇代表团<strong>访问</strong>沈阳。</p></div>",
        html=True,
    )
    assertContains(response, '<p class="original-text" lang="zh-hans">卡拉奇代表团访问沈阳</p>')
    # The body is edited with the change form's own rich-text editor.
    assertContains(response, f'name="{field(article, "body")}"')
    assertContains(response, "data-django-prose-editor")
    assertContains(response, '<span class="translation-state translation-missing">missing</span>')
    client.cookies["django_language"] = "zh-hans"
    response = client.get(url(article))
    assertContains(response, "保存并转到队列中的下一条")
    assertContains(response, '<span class="translation-state translation-missing">缺译文</span>')


def test_a_translator_saves_a_draft_with_a_version(client, sign_in):
    article = chinese_article(status="draft")
    translator = sign_in("Translators")
    data = form(
        client,
        article,
        **{
            field(article, "title"): "Karachi delegation visits Shenyang",
            field(article, "body"): "<p>A delegation <script>x()</script>visited.</p>",
            f"news.article-{article.pk}-slug": "hijacked",
            "_save": "Save",
        },
    )
    assertRedirects(client.post(url(article), data), url(article), fetch_redirect_response=False)
    article.refresh_from_db()
    assert article.title_en == "Karachi delegation visits Shenyang"
    assert article.body_en == "<p>A delegation visited.</p>"  # sanitised as in the editor
    assert article.slug == "visit"  # text only, whatever is posted
    version = article.history.latest()
    assert version.history_user == translator
    assert version.history_change_reason == "Translated into English in the workbench"


def test_a_published_record_waits_for_a_publisher(client, sign_in):
    article = chinese_article()
    sign_in("Translators")
    data = form(client, article, **{field(article, "title"): "Karachi delegation visits"})
    client.post(url(article), data)
    article.refresh_from_db()
    assert article.title_en == ""
    change = PendingChange.objects.get()
    assert change.values == {"title_en": "Karachi delegation visits"}


def test_someone_elses_save_meanwhile_is_not_overwritten(client, sign_in):
    article = chinese_article(status="draft")
    sign_in("Translators")
    data = form(client, article, **{field(article, "title"): "Mine"})
    Article.objects.get(pk=article.pk).save()  # someone else saves after the form was loaded
    article.title_en = "Theirs"
    article.save()
    response = client.post(url(article), data)
    assert response.status_code == 200
    assertContains(response, "Someone else saved this record")
    article.refresh_from_db()
    assert article.title_en == "Theirs"


def test_a_stale_field_shows_what_changed_in_the_original(client, sign_in):
    article = chinese_article(status="draft", title_en="Karachi delegation visits Shenyang")
    article.title_zh_hans = "卡拉奇代表团再次访问沈阳"
    article.save()
    sign_in("Translators")
    response = client.get(url(article))
    assertContains(response, '<span class="translation-state translation-stale">stale</span>')
    assertContains(response, "<ins>再次</ins>")


def test_a_city_with_its_exchanges_and_photo_texts(client, sign_in):
    city = make_city(
        slug="karachi",
        name_zh_hans="卡拉奇",
        name_en="",
        original_language="zh-hans",
        status="draft",
    )
    exchange = make_exchange(city, title_zh_hans="签署友好城市协议", title_en="")
    photo = make_photo(city, alt_zh_hans="卡拉奇港口", alt_en="")
    sign_in("Translators")
    response = client.get(url(city))
    assertContains(response, "签署友好城市协议")
    assertContains(response, "卡拉奇港口")
    data = form(
        client,
        city,
        **{
            field(city, "name"): "Karachi",
            field(exchange, "title"): "Sister-city agreement signed",
            field(photo, "alt"): "The port of Karachi",
        },
    )
    client.post(url(city), data)
    city.refresh_from_db()
    exchange.refresh_from_db()
    photo.refresh_from_db()
    assert (city.name_en, exchange.title_en, photo.alt_en) == (
        "Karachi",
        "Sister-city agreement signed",
        "The port of Karachi",
    )


def test_a_published_citys_exchanges_are_read_only_to_a_translator(client, sign_in):
    city = make_city(slug="karachi", name_zh_hans="卡拉奇", original_language="zh-hans")
    exchange = make_exchange(city, title_zh_hans="签署友好城市协议", title_en="")
    sign_in("Translators")
    response = client.get(url(city))
    assertContains(response, "Read-only for you")
    data = form(client, city, **{field(exchange, "title"): "Signed"})
    client.post(url(city), data)
    assert Exchange.objects.get(pk=exchange.pk).title_en == ""


def test_save_and_next_goes_to_the_next_record_in_the_queue(client, sign_in):
    first = chinese_article(slug="first", status="draft")
    second = chinese_article(slug="second", status="draft")
    sign_in("Translators")
    data = form(client, first, **{field(first, "title"): "First", "_next": "1"})
    response = client.post(url(first), data)
    assertRedirects(response, url(second), fetch_redirect_response=False)


def test_the_queue_and_the_changelists_link_to_it(client, sign_in):
    article = chinese_article(status="draft")
    sign_in("Editors")
    assertContains(client.get("/admin/translations/?language=en"), f'href="{url(article)}"')
    assertContains(client.get("/admin/news/article/"), f'href="{url(article)}"')


def test_refusals(client, sign_in, db):
    article = chinese_article(status="draft")
    assert client.get(url(article)).status_code == 302  # signed out: to the login
    sign_in("Translators")
    bad = reverse("translation_workbench", args=["auth.user", 1, "en"])
    assert client.get(bad).status_code == 404
    assert client.get(url(article, "fr")).status_code == 404
    missing = reverse("translation_workbench", args=["news.article", 99999, "en"])
    assert client.get(missing).status_code == 404
    # Into the original language: to the other one.
    assertRedirects(
        client.get(url(article, "zh-hans")), url(article, "en"), fetch_redirect_response=False
    )


def test_staff_without_translate_permission_are_refused(client, db):
    from django.contrib.auth import get_user_model

    article = chinese_article(status="draft")
    user = get_user_model().objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(url(article)).status_code == 403


def test_queries_stay_flat_as_records_grow(client, sign_in):
    city = make_city(slug="karachi", name_zh_hans="卡拉奇", original_language="zh-hans")
    make_exchange(city)
    article = chinese_article(status="draft")
    sign_in("Translators")

    def count(record):
        client.get(url(record))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(record)).status_code == 200
        return len(queries)

    small = {"city": count(city), "article": count(article)}
    for n in range(49):
        make_exchange(city, title_zh_hans=f"交流{n}")
        chinese_article(slug=f"more-{n}", status="draft")
    assert count(city) <= small["city"]
    assert count(article) <= small["article"]
    assertNotContains(client.get(url(article)), "more-1")


def test_a_translator_goes_on_from_the_translation_waiting_for_a_publisher(client, sign_in):
    article = chinese_article()
    sign_in("Translators")
    client.post(url(article), form(client, article, **{field(article, "title"): "Waiting"}))
    assertContains(client.get(url(article)), 'value="Waiting"')
    # Saving again unchanged adds no second pending change.
    client.post(url(article), form(client, article))
    assert PendingChange.objects.count() == 1


def test_the_office_is_saved_directly_as_its_admin_does(client, sign_in):
    from portal.models import Office

    office = Office.objects.create(name_zh_hans="外办", name_en="", original_language="zh-hans")
    sign_in("Publishers")
    data = form(client, office, **{field(office, "name"): "Foreign Affairs Office"})
    client.post(url(office), data)
    office.refresh_from_db()
    assert office.name_en == "Foreign Affairs Office"
    assert not PendingChange.objects.exists()


def test_a_country_changed_by_a_translator_waits_as_in_its_admin(client, sign_in):
    from tests.factories import make_country

    country = make_country("PK", name_en="", name_zh_hans="巴基斯坦")
    sign_in("Translators")
    client.post(url(country), form(client, country, **{field(country, "name"): "Pakistan"}))
    country.refresh_from_db()
    assert country.name_en == ""
    assert PendingChange.objects.get().values == {"name_en": "Pakistan"}


def test_a_forged_load_time_is_no_server_error(client, sign_in):
    article = chinese_article(status="draft")
    sign_in("Translators")
    data = form(client, article, **{field(article, "title"): "Title"})
    data[f"news.article-{article.pk}-loaded_at"] = ["2026-13-45T10:00:00"]
    assert client.post(url(article), data).status_code == 302
