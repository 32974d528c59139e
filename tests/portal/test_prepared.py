"""Prepared queries: compiled once, run with the values of the moment, and the same
records as the queryset itself would give; a builder that would freeze a moving
value into the SQL is refused."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cities.models import City
from news.models import Article
from portal.editorial import prepared as prepared_module
from portal.editorial.prepared import id_list, ids_of, prepared
from tests.factories import make_article, make_category, make_city

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_prepared_queries(settings):
    """Each test prepares its own: the kept queries of other tests' builders stay out."""
    settings.PREPARED_QUERIES = True
    prepared_module._prepared.clear()
    yield
    prepared_module._prepared.clear()


def listed(language, now):
    return (
        Article.objects.published(now)
        .in_language(language)
        .select_related("category")
        .order_by("-published_at", "-pk")
    )


def as_seen(articles):
    return [(article.pk, article.title, article.category.name) for article in articles]


def test_results_are_the_querysets_own_and_follow_the_moment():
    category = make_category(name_en="Visits", name_zh_hans="访问")
    make_article(slug="out", title_en="Out now", category=category)
    soon = timezone.now() + datetime.timedelta(hours=1)
    make_article(slug="soon", title_en="Coming", published_at=soon, category=category)

    now = timezone.now()
    first = prepared("test:listed", listed, "en", now=now)
    assert as_seen(first) == as_seen(listed("en", now))
    assert [article.slug for article in first] == ["out"]

    later = soon + datetime.timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        again = prepared("test:listed", listed, "en", now=timezone.now())
    assert [article.slug for article in again] == ["soon", "out"]
    assert as_seen(again) == as_seen(listed("en", later))


def test_the_builder_runs_only_when_the_query_is_first_prepared():
    calls = []

    def counted(language, now):
        calls.append(now)
        return listed(language, now)

    make_article(slug="one")
    prepared("test:counted", counted, "en", now=timezone.now())
    prepared_calls = len(calls)  # the stand-ins and the stability check
    for _ in range(3):
        assert [a.slug for a in prepared("test:counted", counted, "en", now=timezone.now())] == [
            "one"
        ]
    assert len(calls) == prepared_calls


def test_each_fixed_argument_is_a_query_of_its_own():
    make_article(slug="both", title_en="Both", title_zh_hans="两者")
    make_article(
        slug="chinese-only",
        title_zh_hans="只有中文",
        title_en="",
        original_language="zh-hans",
        translation_states={"en": "missing"},
    )
    now = timezone.now()
    chinese = prepared("test:listed", listed, "zh-hans", now=now)
    english = prepared("test:listed", listed, "en", now=now)
    assert sorted(a.slug for a in chinese) == ["both", "chinese-only"]
    assert [a.slug for a in english] == ["both"]


def test_one_query_per_use_and_related_records_loaded_with_it():
    make_article(slug="one", category=make_category())
    prepared("test:listed", listed, "en", now=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        articles = prepared("test:listed", listed, "en", now=timezone.now())
        [article.category.name for article in articles]
    assert len(queries) == 1


def test_a_builder_that_reads_the_clock_is_refused():
    def reads_the_clock(language, now):
        return Article.objects.published().in_language(language)

    with pytest.raises(ImproperlyConfigured, match="moves"):
        prepared("test:clock", reads_the_clock, "en", now=timezone.now())


def test_a_variable_written_into_the_sql_is_refused():
    def sliced(language, count):
        return Article.objects.in_language(language)[:count]

    with pytest.raises(ImproperlyConfigured, match="written into the SQL"):
        prepared("test:sliced", sliced, "en", count=5)


def test_a_variable_the_query_ignores_is_refused():
    def ignores(language, now):
        return Article.objects.in_language(language)

    with pytest.raises(ImproperlyConfigured, match="not a parameter"):
        prepared("test:ignores", ignores, "en", now=timezone.now())


def test_a_prefetch_with_a_queryset_of_its_own_is_refused():
    def with_cities(language, now):
        return Article.objects.published(now).prefetch_related(
            Prefetch("cities", queryset=City.objects.published())
        )

    with pytest.raises(ImproperlyConfigured, match="Prefetching 'cities'"):
        prepared("test:prefetch", with_cities, "en", now=timezone.now())


def test_a_query_that_can_match_nothing_gives_nothing():
    def none_of(language, now):
        return Article.objects.published(now).filter(pk__in=[])

    make_article()
    assert list(prepared("test:none", none_of, "en", now=timezone.now())) == []
    assert list(prepared("test:none", none_of, "en", now=timezone.now())) == []


def test_an_id_list_is_a_shape_per_power_of_two():
    articles = [make_article(slug=f"a{n}") for n in range(5)]

    def by_ids(language, now, **ids):
        return Article.objects.published(now).filter(pk__in=ids_of(ids)).order_by("pk")

    for chosen in ([articles[0]], articles[1:4], articles[:3], articles):
        ids = id_list([article.pk for article in chosen])
        assert len(ids) in (1, 4, 8)
        found = prepared("test:ids", by_ids, "en", now=timezone.now(), **ids)
        assert [article.slug for article in found] == [article.slug for article in chosen]


def test_turned_off_it_builds_every_time(settings):
    settings.PREPARED_QUERIES = False
    calls = []

    def counted(language, now):
        calls.append(now)
        return listed(language, now)

    make_city()
    for _ in range(3):
        prepared("test:off", counted, "en", now=timezone.now())
    assert len(calls) == 3
    assert prepared_module._prepared == {}
