"""Every save is a version; publishers compare and restore; publication is recorded."""

import pytest

from news.models import Article
from tests.admin_forms import admin_form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db
CHANGE = "/admin/news/article/{}/change/"


def edit(client, article, **changes):
    url = CHANGE.format(article.pk)
    response = client.post(url, admin_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_every_save_is_kept_with_who_and_when(client, sign_in):
    editor = sign_in("Publishers")
    article = make_article(title_en="First", status="draft")
    edit(client, article, title_en="Second")
    edit(client, article, title_zh_hans="第二版")
    versions = list(Article.objects.get(pk=article.pk).history.order_by("history_id"))
    assert [version.title_en for version in versions] == ["First", "Second", "Second"]
    assert versions[-1].title_zh_hans == "第二版"
    assert versions[-1].history_user == editor and versions[-1].history_date


def test_publishing_and_withdrawing_are_recorded(client, sign_in):
    publisher = sign_in("Publishers")
    article = make_article(status="review")
    edit(client, article, status="published")
    edit(client, article, status="withdrawn")
    latest = list(Article.objects.get(pk=article.pk).history.order_by("-history_id")[:2])
    assert [v.history_change_reason for v in latest] == ["Withdrawn", "Published"]
    assert all(v.history_user == publisher for v in latest)


def test_compare_shows_changes_field_by_field_in_both_languages(client, sign_in):
    sign_in("Publishers")
    article = make_article(title_en="Karachi signs", title_zh_hans="卡拉奇签约")
    edit(client, article, title_en="Karachi signs agreement", title_zh_hans="卡拉奇正式签约")
    response = client.get(f"/admin/news/article/{article.pk}/history/compare/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<ins> agreement</ins>" in html or "<ins>agreement</ins>" in html
    assert "<ins>正式</ins>" in html
    labels = [str(row[0]) for row in response.context["rows"]]
    # Each field's language named as staff read it, not by its code.
    assert any("[English]" in label for label in labels) and any(
        "[Chinese]" in label for label in labels
    )


def test_compare_survives_odd_parameters(client, sign_in):
    sign_in("Publishers")
    article = make_article()
    for params in ({"old": "x", "new": "99999999"}, {"old": "-1"}, {}):
        response = client.get(f"/admin/news/article/{article.pk}/history/compare/", params)
        assert response.status_code == 200
    assert client.get("/admin/news/article/99999/history/compare/").status_code == 404


def test_publisher_restores_a_version_which_becomes_a_new_one(client, sign_in):
    sign_in("Publishers")
    article = make_article(title_zh_hans="好标题", title_en="Good title")
    edit(client, article, title_en="Mistake")
    first = Article.objects.get(pk=article.pk).history.order_by("history_id").first()
    url = f"/admin/news/article/{article.pk}/history/{first.history_id}/"
    page = client.get(url)
    assert page.status_code == 200
    assert client.post(url, admin_form_data(page)).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Good title"
    assert article.history.count() == 3, "the restore is itself a version"


def test_editors_may_look_at_old_versions_but_not_restore_them(client, sign_in):
    sign_in("Editors")
    article = make_article(title_en="Good title", status="draft")
    edit(client, article, title_en="Changed")
    first = Article.objects.get(pk=article.pk).history.order_by("history_id").first()
    url = f"/admin/news/article/{article.pk}/history/{first.history_id}/"
    page = client.get(url)
    assert page.status_code == 200
    assert client.post(url, admin_form_data(page)).status_code == 403
    article.refresh_from_db()
    assert article.title_en == "Changed"


def test_compare_with_a_malformed_id_is_not_found(client, sign_in):
    sign_in("Publishers")
    assert client.get("/admin/news/article/abc/history/compare/").status_code == 404


def test_restoring_a_version_keeps_its_translation_state_honest(client, sign_in):
    sign_in("Publishers")
    article = make_article(original_language="zh-hans", title_zh_hans="原标题", title_en="Title")
    first = Article.objects.get(pk=article.pk).history.order_by("history_id").first()
    edit(client, article, title_zh_hans="新标题")
    assert Article.objects.get(pk=article.pk).translation_status()["en"] == "stale"
    edit(client, article, title_zh_hans="更新的标题")
    url = f"/admin/news/article/{article.pk}/history/{first.history_id}/"
    client.post(url, admin_form_data(client.get(url)))
    restored = Article.objects.get(pk=article.pk)
    assert restored.title_zh_hans == "原标题"
    assert restored.translation_status()["en"] == "complete", "the old version was consistent"
