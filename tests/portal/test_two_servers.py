"""Two gunicorn servers on one PostgreSQL and one Redis stay consistent."""

import threading
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from news.models import Article
from portal.demo.loader import load_demo
from portal.operations.bench.server import gunicorn
from tests.admin_forms import admin_form_data
from tests.servers import Browser, database_url
from tests.two_factor import give_app

REDIS_URL = "redis://127.0.0.1:6379/0"
REVISION_SECONDS = 1  # the default PAGE_CACHE_REVISION_SECONDS


@pytest.fixture(params=["Redis", "a memory cache in each server"])
def two_servers(request, transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("several servers share one PostgreSQL (run with DATABASE_URL=postgres://…)")
    shared = {"DATABASE_URL": database_url(), "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    shared["REDIS_URL"] = REDIS_URL if request.param == "Redis" else ""
    # A memory cache is each worker's own: one worker a server, so "the server that
    # made the change" is one process.
    workers = 2 if request.param == "Redis" else 1
    with gunicorn(workers, **shared) as first, gunicorn(workers, **shared) as second:
        yield first, second, request.param == "Redis"


def test_a_change_through_one_server_shows_at_once_through_the_other(two_servers):
    load_demo()
    chief = get_user_model().objects.create_superuser("chief", "", None)
    # The servers know only the production hashers, not the tests' fast one.
    chief.password = PBKDF2PasswordHasher().encode("a-long-pass-phrase", "salt4servers", 1000)
    chief.save()
    app = give_app(chief)
    article = Article.objects.published().first()
    path = article.get_absolute_url().replace("/zh-hans/", "/en/")
    first, second, shared_cache = two_servers
    visitor_of_first, visitor_of_second = Browser(first), Browser(second)
    for visitor in (visitor_of_first, visitor_of_second):
        assert visitor.get(path).status == 200
        cached = visitor.get(path)
        assert cached.headers["X-Page-Cache"] == "hit"
        assert article.title_en.encode() in cached.content

    staff = Browser(first)
    staff.sign_in("chief", "a-long-pass-phrase", app)
    change = f"/admin/news/article/{article.pk}/change/"
    form = admin_form_data(staff.get(change), title_en="Changed through the first server")
    assert staff.post(change, form).status == 302

    # The server that made the change shows it at once; with Redis, so does every
    # other; with a memory cache each, the other within PAGE_CACHE_REVISION_SECONDS.
    response = visitor_of_first.get(path)
    assert response.headers["X-Page-Cache"] == "miss"
    assert b"Changed through the first server" in response.content
    changed_at = time.monotonic()
    while b"Changed through the first server" not in (seen := visitor_of_second.get(path)).content:
        assert not shared_cache, "with Redis the other server shows it at once"
        assert time.monotonic() - changed_at < REVISION_SECONDS + 0.5, "beyond the bound"
        time.sleep(0.05)
    assert seen.headers["X-Page-Cache"] == "miss"


@pytest.fixture
def servers_sharing_redis(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("several servers share one PostgreSQL (run with DATABASE_URL=postgres://…)")
    shared = {
        "DATABASE_URL": database_url(),
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "REDIS_URL": REDIS_URL,
    }
    with gunicorn(2, **shared) as first, gunicorn(2, **shared) as second:
        yield first, second


def test_right_after_each_save_no_server_serves_the_old_page(servers_sharing_redis):
    """The save-then-read race: while visitors keep asking the page of both servers
    (each miss reads the revision, and may put what it read back into the cache), a
    save is shown by either server the moment its response comes back, every time
    (the old page came back in 9 of 20 saves when the revision was dropped, not set)."""
    load_demo()
    chief = get_user_model().objects.create_superuser("chief", "", None)
    chief.password = PBKDF2PasswordHasher().encode("a-long-pass-phrase", "salt4servers", 1000)
    chief.save()
    app = give_app(chief)
    article = Article.objects.published().first()
    path = article.get_absolute_url().replace("/zh-hans/", "/en/")
    first, second = servers_sharing_redis
    staff = Browser(first)
    staff.sign_in("chief", "a-long-pass-phrase", app)
    change = f"/admin/news/article/{article.pk}/change/"
    stop = threading.Event()

    def keep_asking(server):
        visitor = Browser(server)
        while not stop.is_set():
            visitor.get(path)

    askers = [threading.Thread(target=keep_asking, args=(s,)) for s in (first, second)]
    for asker in askers:
        asker.start()
    stale = []
    try:
        for n in range(20):
            title = f"Saved {n} {uuid.uuid4().hex[:6]}"
            form = admin_form_data(staff.get(change), title_en=title)
            assert staff.post(change, form).status == 302
            for server in (first, second):
                if title.encode() not in Browser(server).get(path).content:
                    stale.append((n, server))
    finally:
        stop.set()
        for asker in askers:
            asker.join()
    assert stale == []
