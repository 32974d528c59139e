"""The admin's side of language editions: the publish screen shows what visitors get
in each language, and only publishers choose to publish in the original language only.
What visitors then get: `test_language_editions`."""

import pytest
from django.contrib.auth import get_user_model
from pytest_django.asserts import assertContains

from news.models import Article
from portal.editorial import rules
from portal.editorial.models import Edition
from tests.portal.editions import chinese_only

pytestmark = pytest.mark.django_db


def test_only_publishers_choose_the_original_language_only(db):
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    people = {}
    for name in ("Editors", "Translators", "Publishers"):
        person = user_model.objects.create_user(name.lower(), password="pw-123456", is_staff=True)
        person.groups.add(Group.objects.get(name=name))
        people[name] = user_model.objects.get(pk=person.pk)
    assert "original_only" in rules.readonly_fields(people["Editors"], Article)
    assert "original_only" in rules.readonly_fields(people["Translators"], Article)
    assert "original_only" not in rules.readonly_fields(people["Publishers"], Article)


def _change_url(record):
    return f"/admin/news/article/{record.pk}/change/"


def test_the_publish_screen_shows_each_language_and_what_visitors_get(client, sign_in):
    article = chinese_only(status="draft")
    sign_in("Publishers")
    response = client.get(_change_url(article))
    assertContains(response, "Editions: what visitors get")
    assertContains(
        response,
        '<tr class="edition-absent"><th scope="row">English</th><td>missing</td>'
        "<td>Left out of the English lists, home page, search, feed and sitemap; its English "
        "address says it is not yet available and links the original. Complete the "
        "translation, or choose to publish in the original language only.</td></tr>",
        html=True,
    )
    assertContains(response, "As it will be once published.")
    client.cookies["django_language"] = "zh-hans"
    response = client.get(_change_url(article))
    assertContains(response, "语言版本：访客看到的内容")
    assertContains(response, "<td>原文</td>", html=True)


def test_a_publisher_chooses_original_only_and_an_editor_cannot(client, sign_in):
    from tests.admin_forms import admin_form_data

    article = chinese_only(status="review")
    sign_in("Editors")
    page = client.get(_change_url(article))
    assert 'name="original_only"' not in page.content.decode()
    client.post(_change_url(article), admin_form_data(page, original_only="on"))
    article.refresh_from_db()
    assert not article.original_only
    sign_in("Publishers")
    page = client.get(_change_url(article))
    data = admin_form_data(page, original_only="on", status="published")
    assert client.post(_change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.original_only and article.edition("en") == Edition.ORIGINAL_ONLY
    assertContains(client.get(_change_url(article)), "marked as available in Chinese only")
