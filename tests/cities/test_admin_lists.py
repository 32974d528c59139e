"""The city and exchange lists in the admin show what staff need, as written."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

OUR_MODELS = [
    model for model in admin.site._registry if model._meta.app_label in {"cities", "news"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_models():
    return {model.__name__: model for model in OUR_MODELS}


def test_city_list_shows_the_columns_staff_need(admin_client, demo):
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get(admin_url(admin_models()["City"], "changelist")).content.decode()
    for text in ("Karachi", "Pakistan", "Sister city", "22", "August 2018", "Published"):
        assert text in page


def test_exchange_list_prints_dates_as_written(admin_client, demo):
    admin_client.cookies["django_language"] = "zh-hans"
    page = admin_client.get(admin_url(admin_models()["Exchange"], "changelist")).content.decode()
    assert "2018年8月" in page and "2019年3月28日" in page
