"""The admin's front page shows each person what waits for them."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def front_page(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_publishers_see_what_is_in_review_and_what_is_scheduled(client, sign_in):
    sign_in("Publishers")
    make_article(title_en="Needs a look", status="review")
    make_article(
        title_en="Goes out tomorrow", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    make_article(title_en="Already live")
    html = front_page(client)
    assert "Waiting for you" in html and "Needs a look" in html and "Goes out tomorrow" in html
    assert "Already live" not in html


def test_editors_see_their_own_drafts(client, sign_in):
    me = sign_in("Editors")
    make_article(title_en="My draft", status="draft", created_by=me)
    make_article(title_en="Someone else's draft", status="draft")
    html = front_page(client)
    assert "Your drafts" in html and "My draft" in html
    assert "Someone else" not in html and "In review" not in html


def test_translators_see_their_queue(client, sign_in):
    sign_in("Translators")
    make_article(title_zh_hans="待翻译的文章", title_en="", body_en="", original_language="zh-hans")
    html = front_page(client)
    assert "To translate into English" in html and "待翻译的文章" in html
    assert "Your drafts" not in html


def test_creating_an_article_in_admin_records_its_author(client, sign_in):
    from news.models import Article
    from tests.admin_forms import admin_form_data

    me = sign_in("Editors")
    page = client.get("/admin/news/article/add/")
    data = admin_form_data(page, title_zh_hans="新文章", slug="new", original_language="zh-hans")
    assert client.post("/admin/news/article/add/", data).status_code == 302
    assert Article.objects.get(slug="new").created_by == me


def test_editors_see_what_came_back_to_them_from_review(client, sign_in):
    me = sign_in("Editors")
    article = make_article(title_en="Sent back", status="review", created_by=me)
    article.status = "draft"
    article.save()
    make_article(title_en="Fresh draft", status="draft", created_by=me)
    html = front_page(client)
    came_back = html.split("Came back to you from review")[1].split("Your drafts")[0]
    assert "Sent back" in came_back and "Fresh draft" not in came_back
