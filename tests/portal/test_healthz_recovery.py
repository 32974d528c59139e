"""The health check follows the database down and back up, with no restart."""

import time

import pytest
from django.db import connection

from portal.demo.loader import load_demo
from portal.operations.bench.server import gunicorn
from tests.servers import Browser, TcpRelay, database_url


@pytest.fixture
def relay(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("a database server that goes down: PostgreSQL (DATABASE_URL=postgres://…)")
    settings = connection.settings_dict
    relay = TcpRelay(int(settings["PORT"] or 5432), settings["HOST"] or "127.0.0.1")
    relay.start()
    yield relay
    relay.stop()


def wait_for(browser, path, status, seconds=15):
    deadline = time.monotonic() + seconds
    while (response := browser.get(path)).status != status and time.monotonic() < deadline:
        time.sleep(0.2)
    return response


def test_healthz_is_503_while_the_database_is_down_and_recovers(relay):
    load_demo()
    url = database_url().replace(f":{connection.settings_dict['PORT'] or 5432}/", f":{relay.port}/")
    with gunicorn(workers=1, DATABASE_URL=url, DATABASE_CONN_MAX_AGE="60") as base:
        visitor = Browser(base)
        assert visitor.get("/healthz").status == 200
        assert visitor.get("/en/").status == 200
        assert visitor.get("/en/").headers["X-Page-Cache"] == "hit"

        relay.stop()
        down = visitor.get("/healthz")
        assert down.status == 503 and b'"unavailable"' in down.content
        assert visitor.get("/healthz").status == 503, "still down: still 503, never a 500"
        cached = visitor.get("/en/")
        assert cached.status == 200, "pages in the cache still serve while the database is down"

        relay.start()
        assert wait_for(visitor, "/healthz", 200).status == 200
        assert visitor.get("/en/news/").status == 200
