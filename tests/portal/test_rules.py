"""`portal.editorial.rules`: permissions of their own, not the lack of one, decide."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from cities.models import City
from news.models import Article
from portal.editorial import rules
from tests.admin_forms import admin_form_data
from tests.factories import make_city

pytestmark = pytest.mark.django_db

TRANSLATED_MODELS = ["city", "exchange", "country", "cityphoto", "article", "category", "leadimage"]


def perms_of(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("codename", flat=True))


def test_translators_hold_translate_permissions_and_no_change_permission():
    held = perms_of("Translators")
    assert {f"translate_{model}" for model in TRANSLATED_MODELS} <= held
    # Nothing else: not even the glossary of official names, which publishers keep.
    changes = {code for code in held if code.startswith(("change_", "add_", "delete_"))}
    assert changes == set()


def user_with(*codenames):
    user = get_user_model().objects.create_user("someone", password="pw", is_staff=True)
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return get_user_model().objects.get(pk=user.pk)  # a fresh permission cache


def test_translate_permission_alone_makes_a_translator():
    user = user_with("translate_city", "view_city")
    assert rules.can_translate(user, City) and not rules.can_edit_structure(user, City)
    assert "population" in rules.readonly_fields(user, City)
    assert "slug" in rules.readonly_fields(user, City)
    assert "name_en" not in rules.readonly_fields(user, City)
    assert not rules.can_translate(user, Article)


def test_change_permission_without_add_edits_every_field():
    """Before translate_<model>, lacking `add` made a translator; now `change` is every field."""
    user = user_with("change_city", "view_city")
    assert rules.can_edit_structure(user, City)
    assert rules.readonly_fields(user, City) == ["published_at", "original_only"]


def test_publishers_have_nothing_read_only():
    user = user_with("change_city", "publish_city")
    assert rules.readonly_fields(user, City) == []


def test_a_translate_only_user_edits_text_but_not_population_in_the_admin(client):
    city = make_city(slug="karachi", name_en="Karachi", population=100, status="draft")
    client.force_login(user_with("translate_city", "view_city"))
    client.cookies["django_language"] = "en"
    url = f"/admin/cities/city/{city.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, admin_form_data(page, name_zh_hans="卡拉奇", population="999"))
    assert response.status_code == 302
    city.refresh_from_db()
    assert (city.name_zh_hans, city.population) == ("卡拉奇", 100)


def test_a_user_without_translate_or_change_cannot_open_the_change_form(client):
    city = make_city(slug="karachi", status="draft")
    client.force_login(user_with("view_city"))
    url = f"/admin/cities/city/{city.pk}/change/"
    response = client.post(url, {"name_en": "Hijacked"})
    assert response.status_code == 403
    city.refresh_from_db()
    assert city.name_en != "Hijacked"


def test_the_migration_takes_change_permissions_back_from_translators():
    translators = Group.objects.get(name="Translators")
    translators.permissions.add(Permission.objects.get(codename="change_city"))
    migration = importlib.import_module("portal.migrations.0010_translate_permission")
    migration.translators_translate(apps, None)
    assert "change_city" not in perms_of("Translators")
    assert "translate_city" in perms_of("Translators")
