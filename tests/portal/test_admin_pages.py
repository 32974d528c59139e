"""Every admin page a superuser can open answers, in Chinese and in English."""

import re

import pytest
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

OUR_MODELS = [
    model for model in admin.site._registry if model._meta.app_label in {"cities", "news"}
]
LANGUAGES = {"zh-hans": "保存", "en": "Save"}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_answer(admin_client, demo, model, language):
    admin_client.cookies["django_language"] = language
    changelist = admin_client.get(admin_url(model, "changelist"))
    assert changelist.status_code == 200
    assert changelist["Content-Language"] == language
    add = admin_client.get(admin_url(model, "add"))
    assert add.status_code == 200
    assert LANGUAGES[language] in add.content.decode()
    record = model.objects.first()
    assert record is not None, "the demo content has a record of every model"
    change = admin_client.get(admin_url(model, "change", record.pk))
    assert change.status_code == 200


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m.__name__)
def test_changelist_search_and_every_filter_answer(admin_client, demo, model):
    model_admin = admin.site._registry[model]
    url = admin_url(model, "changelist")
    assert admin_client.get(url, {"q": "卡拉奇"}).status_code == 200
    assert admin_client.get(url, {"q": "Karachi"}).status_code == 200
    response = admin_client.get(url)
    for spec in response.context["cl"].filter_specs:
        for choice in spec.choices(response.context["cl"]):
            assert admin_client.get(url + choice["query_string"]).status_code == 200, (
                model_admin,
                choice,
            )


def test_translated_fields_are_edited_in_language_tabs(admin_client, demo):
    city = admin_models()["City"].objects.get(slug="karachi")
    page = admin_client.get(admin_url(type(city), "change", city.pk)).content.decode()
    assert "tabbed_translation_fields.js" in page
    assert 'name="name_zh_hans"' in page and 'name="name_en"' in page
    assert 'name="exchanges-0-title_en"' in page, "exchanges are edited inline on their city"
    assert "django_prose_editor" in page, "long texts get the rich-text editor"


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m.__name__)
def test_admin_pages_load_nothing_from_another_host(admin_client, demo, model):
    page = admin_client.get(admin_url(model, "change", model.objects.first().pk))
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css)[^"]*)"', html)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/").split("?")[0]), asset


def test_admin_language_switch_changes_the_admin_language(admin_client, demo):
    url = reverse("admin:index")
    response = admin_client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert "Back office" in admin_client.get(url).content.decode()
    admin_client.post(reverse("set_language"), {"language": "zh-hans", "next": url})
    assert "后台" in admin_client.get(url).content.decode()


def admin_models():
    return {model.__name__: model for model in OUR_MODELS}
