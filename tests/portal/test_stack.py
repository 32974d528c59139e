"""The portal behind Varnish, as `make stack` runs it (`deploy/varnish/portal.vcl`):
two gunicorn servers with production settings sharing one database (an SQLite
file, migrated and filled with the demo here) and Redis when it answers, and
Varnish in front of them.

The app's side of the contract: an anonymous page under a language prefix comes
with `Cache-Control: public, max-age=…, s-maxage=…, stale-while-revalidate=…` and
an ETag, without `Vary: Cookie`; staff pages and forms are `private, no-store`.
"""

import gzip
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from portal.operations import proxy
from portal.operations.bench.server import ROOT, free_port, gunicorn, varnish

pytestmark = pytest.mark.skipif(
    shutil.which("varnishd") is None,
    reason="Varnish is missing (apt-get install varnish; .ci/run installs it)",
)

REDIS = ("127.0.0.1", 6379)
CARE = b'<html lang="en" class="care">'


def redis_answers():
    try:
        with socket.create_connection(REDIS, 0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def manage(environment, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def fetch(base, path, method="GET", headers=None, source=None):
    """One request as it is sent (no redirects followed, nothing decompressed)."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(
        address.hostname, address.port, timeout=30, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return SimpleNamespace(
            status=response.status, headers=response.headers, body=response.read()
        )
    finally:
        connection.close()


def cached(base, path, **options):
    """Fetch `path` until the proxy serves it from the cache (at most three times)."""
    for _ in range(3):
        response = fetch(base, path, **options)
        if response.headers["X-Cache"] == "HIT":
            return response
    raise AssertionError(
        f"{path} never came from the proxy (X-Cache {response.headers['X-Cache']}, "
        f"Cache-Control {response.headers['Cache-Control']!r}, Vary {response.headers['Vary']!r})"
    )


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stack")
    shared = {
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'portal.sqlite3'}",
        "REDIS_URL": "redis://{}:{}/0".format(*REDIS) if redis_answers() else "",
        "CACHE_KEY_PREFIX": f"stack-{uuid.uuid4().hex}",
        "MEDIA_ROOT": str(folder / "media"),
        "ORIGINALS_ROOT": str(folder / "originals"),
        "STATIC_ROOT": str(folder / "static"),
    }
    environment = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        **shared,
    }
    manage(environment, "migrate", "--noinput")
    manage(environment, "loaddemo")
    manage(environment, "collectstatic", "--noinput")
    article = json.loads(
        manage(
            environment,
            "shell",
            "--no-imports",
            "-c",
            "import json; from news.models import Article; "
            "a = Article.objects.published().first(); "
            "print(json.dumps({'pk': a.pk, 'path': a.get_absolute_url()}))",
        ).splitlines()[-1]
    )
    proxy_port = free_port()
    shared["PURGE_URL"] = f"http://127.0.0.1:{proxy_port}/"
    with gunicorn(1, **shared) as first, gunicorn(1, **shared) as second:
        ports = [urlsplit(server).port for server in (first, second)]
        with varnish(ports, folder, proxy_port) as base:
            yield SimpleNamespace(
                base=base,
                environment={**environment, "PURGE_URL": shared["PURGE_URL"]},
                purge_url=shared["PURGE_URL"],
                shared_cache=bool(shared["REDIS_URL"]),
                server_ports=ports,
                article_pk=article["pk"],
                article_path=article["path"].replace("/zh-hans/", "/en/", 1),
            )


def test_an_anonymous_page_comes_from_the_proxy_the_second_time(stack):
    first = fetch(stack.base, "/en/cities/")
    assert first.status == 200
    assert "s-maxage=" in first.headers.get("Cache-Control", ""), "the app's side of the contract"
    assert first.headers["ETag"]
    second = cached(stack.base, "/en/cities/")
    assert second.body == first.body
    time.sleep(1.1)
    third = fetch(stack.base, "/en/cities/")
    assert third.headers["X-Cache"] == "HIT"
    assert int(third.headers["Age"]) >= 1
    # A browser's conditional GET is answered by the proxy.
    unchanged = fetch(stack.base, "/en/cities/", headers={"If-None-Match": third.headers["ETag"]})
    assert unchanged.status == 304
    assert unchanged.headers["X-Cache"] == "HIT"


def test_pages_and_static_files_go_out_gzip_compressed(stack):
    page = fetch(stack.base, "/en/news/", headers={"Accept-Encoding": "gzip"})
    assert page.status == 200
    assert page.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(page.body)
    assert b"<html" in html
    assert len(page.body) < len(html) / 2
    plain = fetch(stack.base, "/en/news/")
    assert "Content-Encoding" not in plain.headers
    assert b"<html" in plain.body

    # Passed pages too, for a client that takes gzip.
    sign_in = fetch(stack.base, "/admin/login/", headers={"Accept-Encoding": "gzip"})
    assert (sign_in.headers["X-Cache"], sign_in.headers["Content-Encoding"]) == ("PASS", "gzip")
    assert "Content-Encoding" not in fetch(stack.base, "/admin/login/").headers

    stylesheet = html.split(b'rel="stylesheet" href="', 1)[1].split(b'"', 1)[0].decode()
    css = fetch(stack.base, stylesheet, headers={"Accept-Encoding": "gzip"})
    assert css.headers["Content-Encoding"] == "gzip"
    assert "immutable" in css.headers["Cache-Control"]
    assert cached(stack.base, stylesheet, headers={"Accept-Encoding": "gzip"}).status == 200


def test_a_correction_shows_through_the_proxy_within_a_second(stack):
    path = stack.article_path
    before = cached(stack.base, path)
    correction = f"Corrected {uuid.uuid4().hex[:8]}"
    assert correction.encode() not in before.body
    manage(
        stack.environment,
        "shell",
        "--no-imports",
        "-c",
        "from news.models import Article; "
        f"a = Article.objects.get(pk={stack.article_pk}); a.title_en = {correction!r}; a.save()",
    )
    # The command's process purged the proxy when its change committed, and again
    # before it exited (a server with a memory cache of its own may have rendered the
    # old page for PAGE_CACHE_REVISION_SECONDS more: the repeated ban retires it).
    saved = time.monotonic()
    while correction.encode() not in fetch(stack.base, path).body:
        assert time.monotonic() - saved < 1, "the correction did not show in time"
        time.sleep(0.05)
    assert correction.encode() in cached(stack.base, path).body
    time.sleep(proxy.REPEAT_AFTER_SECONDS)
    assert correction.encode() in fetch(stack.base, path).body


def test_forms_staff_the_back_office_and_the_root_pass_straight_through(stack):
    page = "/en/office/"
    cached(stack.base, page)
    posted = fetch(stack.base, page, "POST")
    assert posted.status == 403, "answered by the app (CSRF), not from the cache"
    assert posted.headers["X-Cache"] == "PASS"
    staff = {"Cookie": "csrftoken=abc; sessionid=someones-session"}
    for _ in range(2):
        assert fetch(stack.base, page, headers=staff).headers["X-Cache"] == "PASS"
    for path in ("/", "/admin/login/", "/news/"):
        for _ in range(2):
            response = fetch(stack.base, path, headers={"Cookie": "django_language=en"})
            assert response.headers["X-Cache"] == "PASS", path
    assert fetch(stack.base, "/", headers={"Cookie": "django_language=en"}).headers["Location"] == (
        "/en/"
    )


def test_care_mode_is_a_variant_of_its_own(stack):
    page = "/en/"
    care = fetch(stack.base, page, headers={"Cookie": "csrftoken=abc; care_mode=1; x=y"})
    assert CARE in care.body
    again = cached(stack.base, page, headers={"Cookie": "care_mode=1"})
    assert CARE in again.body
    standard = cached(stack.base, page, headers={"Cookie": "care_mode=0; django_language=en"})
    assert CARE not in standard.body
    assert b'<html lang="en">' in standard.body
    assert cached(stack.base, page).body == standard.body


def test_only_the_purgers_may_ban_and_a_ban_retires_every_page(stack):
    refused = fetch(stack.base, "/", "BAN", source="127.0.0.2")
    assert refused.status == 405
    assert fetch(stack.base, "/en/sitemap/").headers["X-Cache"] in {"MISS", "HIT"}
    cached(stack.base, "/en/sitemap/")
    stylesheet = fetch(stack.base, "/en/sitemap/").body.split(b'rel="stylesheet" href="')[1]
    stylesheet = stylesheet.split(b'"', 1)[0].decode()
    cached(stack.base, stylesheet)

    banned = fetch(stack.base, "/", "BAN")
    assert banned.status == 200
    assert fetch(stack.base, "/en/sitemap/").headers["X-Cache"] == "MISS"
    assert fetch(stack.base, stylesheet).headers["X-Cache"] == "HIT", "static files stay"


def test_a_server_that_does_not_answer_is_passed_over(stack, tmp_path):
    """The director sends each request to the next server; one that refuses is
    retried on the other at once, and its health probe takes it out."""
    with varnish([stack.server_ports[0], free_port()], tmp_path) as base:
        for _ in range(6):
            assert fetch(base, "/healthz").status == 200
        health = {}
        deadline = time.monotonic() + 15
        while health.get("boot.portal_2") != "sick" and time.monotonic() < deadline:
            time.sleep(0.5)
            listed = subprocess.run(
                ["varnishadm", "-n", str(tmp_path / "varnish"), "backend.list"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            health = {line.split()[0]: line.split()[3] for line in listed.splitlines()[1:] if line}
        assert health["boot.portal_2"] == "sick", listed
        assert health["boot.portal_1"] == "healthy", listed
