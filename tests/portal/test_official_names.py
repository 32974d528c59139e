"""Official names are guarded: publishers keep them, every change is a version, and a
forbidden rendering is refused wherever a text is saved or applied."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial.glossary import Term
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

REFUSED = "“Lu Zhicheng” is not the official form of 吕志成; write “Lyu Zhicheng”."


@pytest.fixture
def lyu(db):
    return Term.objects.create(
        chinese="吕志成",
        english="Lyu Zhicheng",
        kind="person",
        forbidden={"en": ["Lu Zhicheng", "Lü Zhicheng"]},
    )


def term_data(**changes):
    data = {"chinese": "吕志成", "english": "Lyu Zhicheng", "kind": "person"}
    data.update({"note": "", "source": "", "forbidden_en": "", "forbidden_zh_hans": ""})
    return {**data, **changes}


@pytest.mark.parametrize("role", ["Translators", "Editors"])
def test_only_publishers_add_change_or_delete_an_official_name(client, sign_in, lyu, role):
    sign_in(role)
    assertContains(client.get("/admin/portal/term/"), "吕志成")  # they read it
    assertContains(client.get(f"/admin/portal/term/{lyu.pk}/history/"), "吕志成")
    assert client.post("/admin/portal/term/add/", term_data(chinese="卡拉奇")).status_code == 403
    changed = client.post(f"/admin/portal/term/{lyu.pk}/change/", term_data(english="Lu"))
    assert changed.status_code == 403
    assert client.post(f"/admin/portal/term/{lyu.pk}/delete/", {"post": "yes"}).status_code == 403
    lyu.refresh_from_db()
    assert (Term.objects.count(), lyu.english) == (1, "Lyu Zhicheng")
    for codename in ("add_term", "change_term", "delete_term"):
        assert not Group.objects.get(name=role).permissions.filter(codename=codename).exists()


def test_a_publisher_keeps_them_and_every_change_is_a_version(client, sign_in, lyu):
    publisher = sign_in("Publishers")
    data = term_data(forbidden_en="Lu Zhicheng\n\n  Lü Zhicheng \nLu Zhicheng", note="Mayor")
    assert client.post(f"/admin/portal/term/{lyu.pk}/change/", data).status_code == 302
    lyu.refresh_from_db()
    assert lyu.forbidden == {"en": ["Lu Zhicheng", "Lü Zhicheng"]}
    latest = lyu.history.order_by("-history_id").first()
    assert (latest.history_user, latest.note, latest.history_type) == (publisher, "Mayor", "~")
    history = client.get(f"/admin/portal/term/{lyu.pk}/history/")
    assertContains(history, "Lü Zhicheng")
    added = client.post("/admin/portal/term/add/", term_data(chinese="卡拉奇", english="Karachi"))
    assert added.status_code == 302
    karachi = Term.objects.get(chinese="卡拉奇")
    assert client.post(f"/admin/portal/term/{karachi.pk}/delete/", {"post": "yes"}).status_code
    assert not Term.objects.filter(chinese="卡拉奇").exists()
    assert karachi.history.model.objects.filter(chinese="卡拉奇", history_type="-").exists()


def test_the_form_shows_a_box_per_language_and_refuses_forbidding_the_official_form(
    client, sign_in, lyu
):
    sign_in("Publishers")
    page = client.get(f"/admin/portal/term/{lyu.pk}/change/")
    assertContains(page, "Forbidden renderings (English)")
    assertContains(page, "Forbidden renderings (中文)")
    assert admin_form_data(page)["forbidden_en"][0].strip() == "Lu Zhicheng\nLü Zhicheng"
    response = client.post(
        f"/admin/portal/term/{lyu.pk}/change/", term_data(forbidden_en="Zhicheng")
    )
    assertContains(response, "“Zhicheng” is part of the official form “Lyu Zhicheng”")


def test_the_change_form_refuses_a_forbidden_rendering_naming_the_official_form(
    client, sign_in, lyu
):
    sign_in("Publishers")
    article = make_article(slug="visit", title_zh_hans="吕志成会见代表团", title_en="A meeting")
    page = client.get(f"/admin/news/article/{article.pk}/change/")
    response = client.post(
        page.wsgi_request.path,
        admin_form_data(page, title_en="LU ZHICHENG meets a delegation"),
    )
    assert response.status_code == 200
    assertContains(response, "Title (English): " + REFUSED)
    assert Article.objects.get(pk=article.pk).title_en == "A meeting"


def test_an_ordinary_mismatch_stays_a_warning(client, sign_in, lyu):
    sign_in("Publishers")
    article = make_article(slug="visit", title_zh_hans="吕志成会见代表团", title_en="A meeting")
    page = client.get(f"/admin/news/article/{article.pk}/change/")
    data = admin_form_data(page, title_en="The mayor meets a delegation")
    assert client.post(page.wsgi_request.path, data).status_code == 302
    assertContains(client.get(page.wsgi_request.path), "Check the official names")


def test_the_workbench_refuses_it(client, sign_in, lyu):
    sign_in("Translators")
    article = make_article(
        slug="visit", title_zh_hans="吕志成会见代表团", title_en="", status="draft"
    )
    url = reverse("translation_workbench", args=["news.article", article.pk, "en"])
    name = f"news.article-{article.pk}-title_en"
    response = client.post(url, admin_form_data(client.get(url), **{name: "Lu Zhicheng met"}))
    assertContains(response, "Nothing was saved")
    assertContains(response, REFUSED)
    assert Article.objects.get(pk=article.pk).title_en == ""


def test_the_approve_screen_refuses_to_apply_it(client, sign_in, lyu):
    article = make_article(slug="visit", title_zh_hans="吕志成会见代表团", title_en="A meeting")
    change = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "Lu Zhicheng meets a delegation"},
    )
    sign_in("Publishers")
    url = f"/admin/news/article/{article.pk}/pending/{change.pk}/apply/"
    response = client.post(url, follow=True)
    assertContains(response, REFUSED)
    assertNotContains(response, "The changes are applied")
    assert Article.objects.get(pk=article.pk).title_en == "A meeting"
    assert PendingChange.objects.filter(pk=change.pk).exists()


def test_the_approve_screen_flags_it_beside_the_field_before_applying(client, sign_in, lyu):
    article = make_article(slug="visit", title_zh_hans="吕志成会见代表团", title_en="A meeting")
    change = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "Lu Zhicheng meets a delegation", "body_en": "<p>Talks.</p>"},
    )
    sign_in("Publishers")
    client.cookies["django_language"] = "en"
    page = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    proposal = page.split(f'id="pending-change-{change.pk}"')[1].split('id="editions"')[0]
    title_row, body_row = proposal.split("<tr")[2:4]  # after the table's head
    assert "title [English]" in title_row and REFUSED in title_row
    assert 'class="errors"' in title_row and "errorlist" in title_row
    assert REFUSED not in body_row and "errorlist" not in body_row
    assert "These changes cannot be applied as they are" in proposal
    apply_button = proposal.split(f'form="apply-{change.pk}"')[1].split(">")[0]
    assert "disabled" in apply_button


def test_the_approve_screen_says_it_in_chinese_too(client, sign_in, lyu):
    article = make_article(slug="visit", title_zh_hans="吕志成会见代表团", title_en="A meeting")
    PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "Lu Zhicheng meets a delegation"},
    )
    sign_in("Publishers")
    client.cookies["django_language"] = "zh-hans"
    page = client.get(f"/admin/news/article/{article.pk}/change/")
    assertContains(page, "这些修改无法按原样采用：其中使用了规范名称的禁用译法。")
    assertContains(page, "“Lu Zhicheng”")


def test_a_proposal_without_one_may_be_applied(client, sign_in, lyu):
    article = make_article(slug="visit", title_zh_hans="吕志成会见代表团", title_en="A meeting")
    change = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "Lyu Zhicheng meets a delegation"},
    )
    sign_in("Publishers")
    page = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    apply_button = page.split(f'form="apply-{change.pk}"')[1].split(">")[0]
    assert "disabled" not in apply_button
    assert "cannot be applied as they are" not in page
