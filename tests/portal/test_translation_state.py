"""Each record knows, per language, whether its translation is complete, missing or stale."""

import pytest

from news.models import Article
from portal.demo.loader import load_demo
from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db


def fresh(record):
    return type(record).objects.get(pk=record.pk)


def test_demo_content_is_completely_translated_but_its_draft(db):
    loader = load_demo()
    translatable = [record for record in loader.created if hasattr(record, "translation_status")]
    assert len(translatable) > 22  # the partner cities among them
    drafts = [record for record in translatable if getattr(record, "status", "") == "draft"]
    for record in translatable:
        if record not in drafts:
            assert record.translation_status() == {"zh-hans": "complete", "en": "complete"}
    # One English draft waits for its Chinese (the translation queue has work to show).
    assert [(draft.translation_status()) for draft in drafts] == [
        {"zh-hans": "missing", "en": "complete"}
    ]


def test_a_record_without_its_translation_is_missing_it():
    article = make_article(
        original_language="zh-hans", title_en="", body_en="", title_zh_hans="标题"
    )
    assert fresh(article).translation_status() == {"zh-hans": "complete", "en": "missing"}


def test_changing_the_original_makes_the_translation_stale_until_it_is_redone():
    article = make_article(
        original_language="zh-hans", body_zh_hans="<p>原文。</p>", body_en="<p>Original.</p>"
    )
    article = fresh(article)
    assert article.translation_status()["en"] == "complete"
    article.body_zh_hans = "<p>修改后的原文。</p>"
    article.save()
    article = fresh(article)
    assert article.translation_status() == {"zh-hans": "complete", "en": "stale"}
    assert article.translation_basis["en"]["body"] == "<p>原文。</p>", "the old original is kept"
    article.body_en = "<p>The changed original.</p>"
    article.save()
    assert fresh(article).translation_status()["en"] == "complete"


def test_saving_other_fields_does_not_refresh_a_stale_translation():
    article = fresh(make_article(original_language="zh-hans"))
    article.title_zh_hans = "新标题"
    article.save()
    article = fresh(article)
    article.featured = True
    article.save()
    assert fresh(article).translation_status()["en"] == "stale"


def test_states_are_stored_for_filtering():
    make_article(slug="done", original_language="en")
    make_article(slug="todo", original_language="en", title_zh_hans="", body_zh_hans="")
    assert list(
        Article.objects.filter(translation_states__zh_hans="missing").values_list("slug", flat=True)
    ) == ["todo"]


def test_cities_and_their_long_texts_are_tracked_too():
    city = fresh(make_city(original_language="en", climate_en="<p>Hot.</p>", climate_zh_hans=""))
    assert city.translation_status()["zh-hans"] == "missing"


def test_changelists_show_and_filter_translation_state(admin_client):
    make_article(slug="done", original_language="en")
    make_article(slug="todo", original_language="en", title_zh_hans="", body_zh_hans="")
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get("/admin/news/article/").content.decode()
    assert "translation-missing" in page and "translation-complete" in page
    filtered = admin_client.get("/admin/news/article/", {"translation": "zh_hans:missing"})
    assert [a.slug for a in filtered.context["cl"].result_list] == ["todo"]
    assert admin_client.get("/admin/news/article/", {"translation": "xx:bad"}).status_code == 200


def test_queue_lists_missing_and_stale_with_the_change_shown(client):
    from django.contrib.auth.models import Group, User

    translator = User.objects.create_user("t", password="pw", is_staff=True)
    translator.groups.add(Group.objects.get(name="Translators"))
    client.force_login(translator)
    client.cookies["django_language"] = "en"
    make_article(
        slug="todo", original_language="zh-hans", title_en="", body_en="", title_zh_hans="待译"
    )
    stale = fresh(
        make_article(
            slug="stale", original_language="zh-hans", body_zh_hans="<p>两市签署协议。</p>"
        )
    )
    stale.body_zh_hans = "<p>两市正式签署协议。</p>"
    stale.save()
    response = client.get("/admin/translations/", {"language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "待译" in html and "Not yet translated" in html
    assert "<ins>正式</ins>" in html, "the stale field's change is marked"
    assert [item.record.slug for item in response.context["items"]] == ["todo", "stale"]


def test_queue_is_for_staff_only(client, db):
    response = client.get("/admin/translations/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_queue_lists_the_oldest_hundred(admin_client):
    from portal.editorial.views import QUEUE_PAGE

    for n in range(QUEUE_PAGE + 2):
        make_article(slug=f"todo-{n}", original_language="zh-hans", title_en="", body_en="")
    response = admin_client.get("/admin/translations/", {"language": "en"})
    assert len(response.context["items"]) == QUEUE_PAGE and response.context["more"]
