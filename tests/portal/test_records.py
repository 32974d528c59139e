"""A prepared query's `Records`: rows made into records only when read; a kept page
told apart by its rows and by whether each record in them is live, so a page served
kept makes no record at all; and `Derived` values, computed only when read, whose
fingerprint is their inputs'."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model
from django.db.models.signals import post_init
from django.test import RequestFactory
from django.utils import timezone

from cities.models import Exchange
from news.models import Article
from portal.editorial import parts
from portal.editorial import prepared as prepared_module
from portal.editorial.parts import Derived
from portal.editorial.prepared import Records, prepared
from tests.factories import make_article, make_city, make_exchange, make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh(settings):
    settings.PREPARED_QUERIES = True
    settings.PAGE_CACHE_SECONDS = 0
    settings.PART_CACHE_SECONDS = 3600
    prepared_module._prepared.clear()
    yield
    prepared_module._prepared.clear()


@pytest.fixture
def made():
    """Every record made (from the database or by hand) while the test runs."""
    records = []

    def count(sender, instance, **kwargs):
        records.append(instance)

    post_init.connect(count, sender=None, weak=False, dispatch_uid="test-records-made")
    yield records
    post_init.disconnect(dispatch_uid="test-records-made")


def _latest(now):
    return Article.objects.published(now).order_by("-published_at", "-pk")


def _exchanges():
    return Exchange.objects.select_related("article").order_by("pk")


def visitor():
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    return request


def test_rows_become_records_only_when_read(made):
    for number in range(3):
        make_article(slug=f"a{number}", title_en=f"Article {number}")
    made.clear()
    articles = prepared("test:latest", _latest, now=timezone.now())
    assert len(articles) == 3 and articles and not articles.made
    assert sorted(articles.pks()) == sorted(Article.objects.values_list("pk", flat=True))
    assert made == []  # counted, tested and its keys read from the rows
    assert [article.slug for article in articles] == ["a2", "a1", "a0"]
    assert len(made) == 3 and articles.made


def test_without_and_slices_stay_rows_and_keep_the_order():
    _first, second, third = (make_article(slug=f"a{number}") for number in range(3))
    articles = prepared("test:latest", _latest, now=timezone.now())
    rest = articles.without(second.pk)[:1]
    assert not rest.made and len(rest) == 1
    assert [article.slug for article in rest] == ["a2"]
    assert [article.slug for article in articles.without(third.pk)] == ["a1", "a0"]


def test_attached_records_are_given_to_each_record_in_their_order(settings):
    karachi, lahore = make_city(slug="karachi"), make_city(slug="lahore", name_en="Lahore")
    second = make_photo(karachi, position=2)
    first = make_photo(karachi, position=1)

    def cities():
        return karachi._meta.model.objects.filter(slug__in=["karachi", "lahore"]).order_by("slug")

    def photos():
        return first._meta.model.objects.all()

    for prepared_on in (True, False):
        settings.PREPARED_QUERIES = prepared_on
        found = prepared("test:cities", cities)
        found.attach(prepared("test:photos", photos), "gallery", "city_id")
        by_slug = {city.slug: city for city in found}
        assert by_slug["karachi"].gallery == [first, second]
        assert by_slug["lahore"].gallery == []
    assert lahore.pk in found.pks()


def test_a_kept_page_of_unchanged_rows_makes_no_record(made):
    make_article(slug="kept", title_en="Kept")
    compute_calls = []

    def page():
        articles = prepared("test:latest", _latest, now=timezone.now())
        return parts.page_part(
            lambda: compute_calls.append(1) or " ".join(a.title_en for a in articles),
            visitor(),
            {"articles": articles},
        )

    assert page() == "Kept"
    made.clear()
    assert page() == "Kept"
    assert len(compute_calls) == 1
    assert [record for record in made if isinstance(record, Model)] == []

    Article.objects.filter(slug="kept").update(title_en="Changed")  # no signal, no revision
    assert page() == "Changed"
    assert len(compute_calls) == 2


def test_a_related_record_coming_out_changes_the_fingerprint_of_unchanged_rows():
    city = make_city()
    soon = timezone.now() + datetime.timedelta(hours=1)
    report = make_article(slug="report", published_at=soon)
    make_exchange(city, article=report)

    before = prepared("test:exchanges", _exchanges)
    not_yet = before.fingerprint()
    assert not_yet.endswith(":0")
    with time_machine.travel(soon + datetime.timedelta(seconds=1), tick=False):
        after = prepared("test:exchanges", _exchanges)
        assert after.rows == before.rows
        assert after.fingerprint() != not_yet and after.fingerprint().endswith(":1")


def test_a_made_record_is_fingerprinted_by_its_fields_for_it_may_have_changed():
    make_article(slug="a", title_en="Before")
    articles = prepared("test:latest", _latest, now=timezone.now())
    untouched = parts.fingerprint({"articles": articles})
    articles[0].title_en = "Changed in the view"
    assert articles.fingerprint() is None
    assert parts.fingerprint({"articles": articles}) != untouched


def test_a_derived_value_is_fingerprinted_by_its_inputs_and_computed_only_when_read():
    make_article(slug="a", title_en="One")
    articles = prepared("test:latest", _latest, now=timezone.now())
    computed = []

    def titles():
        computed.append(1)
        return [article.title_en for article in articles]

    derived = Derived(titles, articles)
    same_inputs = Derived(titles, prepared("test:latest", _latest, now=timezone.now()))
    assert parts.fingerprint([derived]) == parts.fingerprint([same_inputs])
    assert computed == []
    assert list(derived) == ["One"] and len(derived) == 1
    assert computed == [1]

    make_article(slug="b", title_en="Two")
    other_inputs = Derived(titles, prepared("test:latest", _latest, now=timezone.now()))
    assert parts.fingerprint([other_inputs]) != parts.fingerprint([same_inputs])


def test_records_of_a_plain_list_behave_the_same():
    article = make_article(slug="plain")
    records = Records.of([article])
    assert records.made and records.pks() == [article.pk] and records[0] is article
    assert list(records.without(article.pk)) == []


def test_records_go_into_the_cache_as_their_records():
    import pickle

    make_article(slug="kept", title_en="Kept")
    articles = prepared("test:latest", _latest, now=timezone.now())
    again = pickle.loads(pickle.dumps(articles))
    assert type(again) is Records and again.made
    assert [article.slug for article in again] == ["kept"]
