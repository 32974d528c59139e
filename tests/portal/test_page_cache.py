"""Anonymous visitors get pages from the cache; no change ever leaves them stale."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from cities.models import Fact, Source, Stage, StatedTotal
from tests.admin_forms import admin_form_data
from tests.factories import (
    make_article,
    make_city,
    make_exchange,
    make_fact,
    make_photo,
    make_source,
)

pytestmark = pytest.mark.django_db


def visit(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, len(queries)


@pytest.fixture
def article(db):
    return make_article(slug="signing", title_en="Signing in Shenyang", title_zh_hans="沈阳签约")


@pytest.mark.django_db(transaction=True)
def test_a_second_visit_comes_from_the_cache_without_a_query(client, article):
    """Committed, as in production: a token a transaction has not committed is never
    kept in the cache, so inside one every request reads it from the database."""
    first, _queries = visit(client, "/en/news/signing/")
    assert first["X-Page-Cache"] == "miss"
    second, queries = visit(client, "/en/news/signing/")
    assert second["X-Page-Cache"] == "hit" and queries == 0, "the revision comes from the cache"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"):
        assert header in second, f"{header} on pages from the cache too"


def test_each_language_has_its_own_cached_page(client, article):
    for _visit in range(2):
        english, _ = visit(client, "/en/news/signing/")
        chinese, _ = visit(client, "/zh-hans/news/signing/")
    assert english["X-Page-Cache"] == chinese["X-Page-Cache"] == "hit"
    assertContains(english, "<h1>Signing in Shenyang</h1>", html=True)
    assertContains(chinese, "<h1>沈阳签约</h1>", html=True)
    assert english["Content-Language"] == "en" and chinese["Content-Language"] == "zh-hans"


def test_a_change_shows_at_once_on_every_page(client, article):
    for path in ("/en/", "/en/news/", "/en/news/signing/"):
        visit(client, path)
    article.title_en = "Sister cities sign in Shenyang"
    article.save()
    for path in ("/en/", "/en/news/", "/en/news/signing/"):
        response, _ = visit(client, path)
        assert response["X-Page-Cache"] == "miss", path
        assert "Sister cities sign in Shenyang" in response.content.decode(), path


@pytest.mark.parametrize(
    "change",
    [
        lambda city: make_photo(city),
        lambda city: make_exchange(city, date=datetime.date(2024, 5, 1), title_en="A visit"),
        lambda city: city.country.__class__.objects.filter(pk=city.country_id).first().save(),
        lambda city: city.articles.add(make_article(status="draft")),
        lambda city: Stage.objects.create(
            city=city, stage="sister", date=datetime.date(2021, 12, 9)
        ),
        lambda city: make_fact(city, "population", 100),
        lambda city: Source.objects.filter(facts__city=city).first().save(),
        lambda city: Fact.objects.get(city=city).sources.add(make_source(title_en="New")),
    ],
    ids=[
        "photo added",
        "exchange added",
        "country saved",
        "article linked",
        "stage added",
        "fact added",
        "source saved",
        "source cited",
    ],
)
def test_changes_to_related_records_retire_the_page_too(client, change):
    city = make_city(slug="karachi", name_en="Karachi", status="published")
    make_fact(city, "area", 3780)
    visit(client, "/en/cities/karachi/")
    assert visit(client, "/en/cities/karachi/")[0]["X-Page-Cache"] == "hit"
    change(city)
    assert visit(client, "/en/cities/karachi/")[0]["X-Page-Cache"] == "miss"


def test_a_stated_total_retires_the_directory(client):
    make_city(slug="karachi")
    visit(client, "/en/cities/")
    assert visit(client, "/en/cities/")[0]["X-Page-Cache"] == "hit"
    StatedTotal.objects.create(
        sister_cities=23, friendly_cities=78, as_of=datetime.date(2023, 2, 16), source=make_source()
    )
    response = visit(client, "/en/cities/")[0]
    assert response["X-Page-Cache"] == "miss" and "23" in response.content.decode()


def test_a_change_made_in_the_admin_shows_at_once(admin_client, article):
    visitor = Client()
    visit(visitor, "/en/news/signing/")
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_form_data(admin_client.get(url), title_en="Mayors sign in Shenyang")
    assert admin_client.post(url, data).status_code == 302
    response, _ = visit(visitor, "/en/news/signing/")
    assert "Mayors sign in Shenyang" in response.content.decode()


def test_a_scheduled_article_appears_when_its_time_comes(client, article):
    in_an_hour = timezone.now() + datetime.timedelta(hours=1)
    make_article(slug="visit", title_en="Delegation visits Karachi", published_at=in_an_hour)
    assert "Delegation visits Karachi" not in visit(client, "/en/news/")[0].content.decode()
    assert visit(client, "/en/news/")[0]["X-Page-Cache"] == "hit"
    with time_machine.travel(in_an_hour + datetime.timedelta(seconds=1)):
        response, _ = visit(client, "/en/news/")
        assert response["X-Page-Cache"] == "miss"
        assert "Delegation visits Karachi" in response.content.decode()
        assert visit(client, "/en/news/visit/")[0].status_code == 200


def test_staff_never_get_or_fill_cached_pages(admin_client, article):
    client = Client()  # a visitor (admin_client is pytest-django's `client`, signed in)
    draft = make_article(slug="draft", title_en="Draft report", status="draft")
    visit(client, "/en/news/signing/")  # cached for visitors
    staff_view, _ = visit(admin_client, "/en/news/signing/")
    assert "X-Page-Cache" not in staff_view
    preview, _ = visit(admin_client, draft.get_absolute_url().replace("/zh-hans/", "/en/"))
    assert "X-Page-Cache" not in preview and "Draft report" in preview.content.decode()
    # The staff member's page was not stored for visitors: it has a preview banner.
    assert client.get("/en/news/draft/").status_code == 404


def test_errors_are_not_cached(client, article):
    for _visit in range(2):
        assert client.get("/en/news/no-such-report/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/news/no-such-report/")


def test_responses_that_set_cookies_or_forbid_keeping_are_not_stored(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from portal.caching.pages import for_everyone

    request = rf.get("/en/news/")
    request.user = AnonymousUser()
    assert for_everyone(request, HttpResponse("page"))
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("csrftoken", "x")
    assert not for_everyone(request, with_cookie)
    for control in ("private", "no-store", "no-cache", "max-age=0"):
        kept_back = HttpResponse("page")
        kept_back["Cache-Control"] = control
        assert not for_everyone(request, kept_back), control
    with_token = rf.get("/en/report-a-problem/")
    with_token.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not for_everyone(with_token, HttpResponse("a form")), "a form's token is the visitor's"


@pytest.fixture
def dead_redis(settings):
    """The portal's Redis cache, pointed at a port where nothing listens."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "portal.caching.backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield caches["default"]
    caches["default"]._retry_at = 0.0


def test_a_failing_cache_leaves_the_site_working(client, article, dead_redis):
    response, _ = visit(client, "/en/news/signing/")
    assert "X-Page-Cache" not in response and "Signing in Shenyang" in response.content.decode()
    article.title_en = "Saved while the cache is down"
    article.save()
    assert "Saved while the cache is down" in visit(client, "/en/news/signing/")[0].content.decode()


def test_a_dead_cache_backs_off_with_one_log_line_per_outage(client, article, dead_redis, caplog):
    """The first failure marks the cache unavailable: the next requests do not try it
    (no connection refused, no traceback), until the pause is over."""
    with caplog.at_level("WARNING"):
        for _visit in range(20):
            visit(client, "/en/news/signing/")
    failures = [record for record in caplog.records if record.name == "portal.caching.backends"]
    assert len(failures) == 1 and "Cache unavailable" in failures[0].getMessage()
    assert all(record.exc_info is None for record in caplog.records)
    assert not dead_redis.available, "backing off"
    dead_redis._retry_at = 0.0  # the pause is over: the next call tries again, and fails
    with caplog.at_level("WARNING"):
        visit(client, "/en/news/signing/")
    assert not dead_redis.available, "backing off again"
    assert len([r for r in caplog.records if r.name == "portal.caching.backends"]) == 1, (
        "the same outage: no second line"
    )


def test_query_strings_are_pages_of_their_own(client, article):
    make_article(slug="other", title_en="Another report")
    visit(client, "/en/news/?page=1")
    response, _ = visit(client, "/en/search/?q=Shenyang")
    assert response["X-Page-Cache"] == "miss" and "/en/news/signing/" in response.content.decode()
    other, _ = visit(client, "/en/search/?q=Another")
    assert other["X-Page-Cache"] == "miss" and "/en/news/other/" in other.content.decode()
    assert "/en/news/signing/" not in other.content.decode()


def test_the_cache_answers_before_sessions_locale_and_authentication(settings):
    order = settings.MIDDLEWARE
    cache_at = order.index("portal.caching.pages.PageCacheMiddleware")
    for later in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "axes.middleware.AxesMiddleware",
        "simple_history.middleware.HistoryRequestMiddleware",
    ):
        assert order.index(later) > cache_at, later


@pytest.mark.django_db(transaction=True)
def test_another_workers_change_shows_within_the_staleness_bound(client, article, settings):
    """A worker with a memory cache of its own learns of a change another worker
    committed when its cached revision expires: PAGE_CACHE_REVISION_SECONDS."""
    settings.PAGE_CACHE_REVISION_SECONDS = 1
    cache.clear()  # the revision the article's creation cached under the suite's lifetime
    with time_machine.travel(timezone.now(), tick=False) as clock:
        visit(client, "/en/news/signing/")
        assert visit(client, "/en/news/signing/")[0]["X-Page-Cache"] == "hit"
        # Another worker's change: written past this process's connection wrappers, the
        # database moves on and this worker's cache does not know.
        cursor = connection.connection.cursor()
        cursor.execute(
            f"UPDATE news_article SET title_en = 'Changed elsewhere' WHERE id = {article.pk:d}"
        )
        cursor.execute("UPDATE portal_siterevision SET token = 'elsewhere'")
        cursor.close()
        clock.shift(0.5)
        stale, _ = visit(client, "/en/news/signing/")
        assert stale["X-Page-Cache"] == "hit", "within the bound, the older page"
        clock.shift(0.6)
        fresh, _ = visit(client, "/en/news/signing/")
        assert fresh["X-Page-Cache"] == "miss" and "Changed elsewhere" in fresh.content.decode()


def test_a_junk_session_cookie_is_a_visitor_served_from_the_cache(client, article):
    """A visitor is recognised by what the request carries: a session cookie that names
    no signed-in user gets the cached page (it took 200 req/s against 1,692 before)."""
    visit(client, "/en/news/signing/")
    assert visit(client, "/en/news/signing/")[0]["X-Page-Cache"] == "hit"
    client.cookies["sessionid"] = "bogus"
    response, _ = visit(client, "/en/news/signing/")
    assert response["X-Page-Cache"] == "hit"
    assert "public" in response["Cache-Control"]


def test_a_signed_in_session_is_never_served_from_the_cache(admin_client, article):
    Client().get("/en/news/signing/")
    response, _ = visit(admin_client, "/en/news/signing/")
    assert "X-Page-Cache" not in response
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
