"""Freshness, proved for every model a public page shows: a change through the ORM or a
queryset's `.update()` moves the site revision, and every page served from the page
cache (with its fragments) is then the page rendered afresh.

The models come from the code (`portal.caching.revision.public_models`), not from a
list typed here: a new model is tested without being named.
"""

import datetime

import pytest
import time_machine
from django.db import models
from django.test import override_settings
from django.utils import timezone

from portal.caching import revision
from portal.caching.revision import public_models

PAGES = [
    f"/{language}/{path}"
    for language in ("zh-hans", "en")
    for path in (
        "",
        "news/",
        "news/shenyang-and-karachi-become-sister-cities/",
        "cities/anniversaries.ics",
        "cities/",
        "cities/karachi/",
        "office/",
        "office/contact/",
        "office/guides/",
        "search/?q=Karachi",
        "news/feed/",
    )
] + ["/sitemap.xml"]


def changeable_field(model):
    """A field a change can be written to without breaking a rule: text first, then a
    number, then a date; None for a table of links alone."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if not (field.primary_key or field.unique or field.choices or field.is_relation)
    ]
    for kinds in (
        (models.CharField, models.TextField),
        (models.IntegerField, models.FloatField, models.DecimalField),
        (models.DateField,),
    ):
        for field in fields:
            if isinstance(field, kinds) and not isinstance(field, models.SlugField):
                return field
    return None


def changed(field, value):
    if isinstance(field, models.CharField | models.TextField):
        return (value or "")[: (field.max_length or 1000) - 2] + "✎"
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return (value or datetime.date(2020, 1, 1)) - datetime.timedelta(days=1)
    return (value or 0) + 1


def first_record(model):
    """The record a visitor is likeliest to see: the demo's Karachi, else the first."""
    names = {field.name for field in model._meta.get_fields()}
    if "slug" in names and model.objects.filter(slug="karachi").exists():
        return model.objects.get(slug="karachi")
    if "city" in names and model.objects.filter(city__slug="karachi").exists():
        return model.objects.filter(city__slug="karachi").first()
    return model.objects.order_by("pk").first()


def served_and_fresh(client):
    """Every page twice: as served (from the page cache once warm) and rendered afresh."""
    served = {path: client.get(path) for path in PAGES}
    with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0):
        fresh = {path: client.get(path) for path in PAGES}
    return served, fresh


def assert_every_page_fresh(client):
    served, fresh = served_and_fresh(client)
    for path in PAGES:
        assert served[path].status_code == fresh[path].status_code, path
        assert served[path].content == fresh[path].content, path


@pytest.fixture
def warm(demo, client, settings):
    """Every page in the cache; the clock stopped, so that a feed's or a page's own
    time is the same in the page served and the page rendered afresh."""
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 3600
    with time_machine.travel(timezone.now(), tick=False):
        for path in PAGES:
            client.get(path)
        hits = [path for path in PAGES if client.get(path).get("X-Page-Cache") == "hit"]
        assert len(hits) == len(PAGES), set(PAGES) - set(hits)
        yield client


@pytest.mark.parametrize("model", public_models(), ids=lambda model: model._meta.label)
@pytest.mark.parametrize("how", ["save", "update"])
def test_a_change_to_any_public_model_leaves_no_page_stale(warm, model, how):
    record = first_record(model)
    before = revision.current()
    field = changeable_field(model)
    if record is None:  # not in the demo: an update that matches nothing still writes
        model.objects.filter(pk=-1).update(**({field.attname: None} if field else {}))
    elif field is None:  # a table of links: remove one, as unlinking in the admin does
        model.objects.filter(pk=record.pk).delete()
    elif how == "save":
        setattr(record, field.attname, changed(field, getattr(record, field.attname)))
        record.save()
    else:
        value = changed(field, getattr(record, field.attname))
        model.objects.filter(pk=record.pk).update(**{field.attname: value})
    assert revision.current() != before, f"{model._meta.label} moved the revision"
    assert_every_page_fresh(warm)
