"""Parts of pages kept in the cache: the office and footer once per site revision,
a record's card for as long as the record stays as it is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Category
from portal.editorial import parts
from portal.models import Office
from tests.factories import make_article


@pytest.fixture
def office(db):
    return Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")


def office_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q for q in queries if "portal_office" in q["sql"]]


@pytest.mark.django_db(transaction=True)
def test_the_office_and_footer_are_read_once_per_revision_and_a_change_shows_at_once(
    client, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # every page renders: only the parts are kept
    office = Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")
    make_article(slug="a", title_en="A")
    _response, first = office_queries(client, "/en/news/")
    assert first, "the first page reads the office"
    response, again = office_queries(client, "/en/news/a/")
    assert not again, "another page of the same revision takes it from the cache"
    assert "Foreign Affairs Office" in response.content.decode()

    office.name_en = "Shenyang Foreign Affairs Office"
    office.save()  # moves the revision, committed (no transaction around this test)
    response, after = office_queries(client, "/en/news/a/")
    assert after, "a new revision reads the office again"
    footer = response.content.decode().split('<footer class="site-footer">')[1]
    assert "Shenyang Foreign Affairs Office" in footer


def test_parts_computed_inside_a_transaction_are_not_kept(office, client, settings):
    """What a transaction has not committed is never filed under a revision number."""
    settings.PAGE_CACHE_SECONDS = 0
    _response, first = office_queries(client, "/en/")
    _response, second = office_queries(client, "/en/")
    assert first and second


@pytest.mark.django_db(transaction=True)
def test_part_cache_off_computes_every_time(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PART_CACHE_SECONDS = 0
    Office.objects.create(name_en="Foreign Affairs Office")
    for _visit in range(2):
        _response, queries = office_queries(client, "/en/")
        assert queries


@pytest.mark.django_db(transaction=True)
def test_a_failing_cache_computes_the_part(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1",  # nothing listens there
        }
    }
    Office.objects.create(name_en="Foreign Affairs Office")
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Foreign Affairs Office" in response.content.decode()


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"rendered {self.calls}"


def test_a_record_part_is_kept_while_its_records_stay_as_they_are(db):
    category = Category.objects.create(slug="visits", name_en="Visits", name_zh_hans="访问")
    article = make_article(slug="a", title_en="A", category=category)
    render = Counter()
    assert parts.record_part("card", render, article, category) == "rendered 1"
    assert parts.record_part("card", render, article, category) == "rendered 1"
    make_article(slug="b", title_en="B")  # another record: the revision moves, the part stays
    assert parts.record_part("card", render, article, category) == "rendered 1"

    article.title_en = "A, retitled"
    assert parts.record_part("card", render, article, category) == "rendered 2"
    category.name_en = "Official visits"
    assert parts.record_part("card", render, article, category) == "rendered 3"
    assert parts.record_part("card", render, article, category, True) == "rendered 4", (
        "every value named is part of the key"
    )


def test_a_record_part_is_kept_per_language(db):
    article = make_article(slug="a", title_en="A")
    render = Counter()
    from django.utils import translation

    with translation.override("en"):
        parts.record_part("card", render, article)
    with translation.override("zh-hans"):
        parts.record_part("card", render, article)
    assert render.calls == 2


def test_prefetched_lists_are_part_of_a_records_fingerprint(db):
    article = make_article(slug="a", title_en="A")
    other = make_article(slug="b", title_en="B")
    article.gallery = [other]
    before = parts._fingerprint(article)
    other.title_en = "B, retitled"
    assert parts._fingerprint(article) != before


def test_a_changed_card_shows_on_the_news_list(client, settings, db):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(slug="a", title_en="Signing in Shenyang")
    assert "Signing in Shenyang" in client.get("/en/news/").content.decode()
    article.title_en = "Sister cities sign in Shenyang"
    article.save()
    page = client.get("/en/news/").content.decode()
    assert "Sister cities sign in Shenyang" in page and "Signing in Shenyang" not in page


def test_the_code_version_changes_with_a_template(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "card.html"
    template.write_text("<li>{{ title }}</li>")
    parts.code_version.cache_clear()
    try:
        before = parts.code_version()
        template.write_text("<li class='card'>{{ title }}</li>")
        parts.code_version.cache_clear()
        assert parts.code_version() != before
    finally:
        parts.code_version.cache_clear()


@pytest.mark.django_db(transaction=True)
def test_a_part_that_is_none_is_kept_too(settings):
    """A part may be None (no home city published yet): it is kept like any other, not
    computed again on every page."""
    settings.PART_CACHE_SECONDS = 3600
    calls = []

    def nothing_yet():
        calls.append(1)

    for _ in range(3):
        assert parts.record_part("nothing", nothing_yet, "x") is None
    assert len(calls) == 1


@pytest.fixture
def revision_reads():
    """How often the site revision is asked of the page cache (the real reader, counted)."""
    from portal.editorial import revision

    real = revision._reader["current"]
    reads = []

    def counted():
        reads.append(1)
        return real()

    revision.read_with(counted)
    yield reads
    revision.read_with(real)


@pytest.mark.django_db(transaction=True)
def test_a_request_reads_the_revision_once_and_again_after_it_moves(
    client, settings, revision_reads
):
    from portal.editorial import revision
    from portal.operations.page_cache import bump
    from tests.factories import make_city

    settings.PAGE_CACHE_SECONDS = 0
    settings.PART_CACHE_SECONDS = 3600
    make_city(slug="karachi")
    assert client.get("/en/cities/karachi/").status_code == 200  # six parts, one read
    assert len(revision_reads) == 1

    # Outside a request nothing is remembered: each asks again.
    revision.current(), revision.current()
    assert len(revision_reads) == 3

    # A change inside the request is read there at once.
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    try:
        before = revision.current()
        bump()
        assert revision.current() == before + 1
        assert len(revision_reads) == 5
    finally:
        request_finished.send(sender=None)

    # Inside a transaction (which may roll back) nothing is remembered either.
    from django.db import transaction

    request_started.send(sender=None)
    try:
        with transaction.atomic():
            revision.current(), revision.current()
        assert len(revision_reads) == 7
    finally:
        request_finished.send(sender=None)
