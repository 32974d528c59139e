"""Measure every public page: queries, latency and requests per second.

Each page is measured under gunicorn (sync workers) in four modes: with the
page cache off (every request runs the view; fragments kept by `{% cache %}`
are served from the cache), with the page cache and the fragments off (a page
right after a change), with the page cache on (anonymous pages from the
cache), and through Varnish with the portal's VCL in front of the page cache
(`PROXY_HEADERS`: what a browser asks of it); beside the floor, a bare Django
app under the same server settings (`floorapp`), and, when a checkout is
given, beside the pages of Wagtail's bakerydemo that do the same job
(`comparison_pairs`). Requests per second come from wrk with many
connections; latency from one client asking one page after another, so that
it is the page's own time, not queueing.
"""

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d\\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.duration))
end
"""


def public_pages():
    """(label, path) of every public page, on records in the middle of the data."""
    from cities.models import City
    from news.models import Article

    city = City.objects.published().partners().order_by("slug")[7]
    count = Article.objects.published().count()
    article = Article.objects.published().order_by("-published_at")[count // 2]
    deep = min(50, max(1, count // 10))  # a page deep in the list (10 a page)
    return [
        ("home", "/zh-hans/"),
        ("cities", "/zh-hans/cities/"),
        ("city", f"/zh-hans/cities/{city.slug}/"),
        ("news", "/zh-hans/news/"),
        (f"news, page {deep}", f"/zh-hans/news/?page={deep}"),
        ("article", f"/en/news/{article.slug}/"),
        ("search 沈阳", "/zh-hans/search/?q=%E6%B2%88%E9%98%B3"),
        ("search Karachi", "/en/search/?q=Karachi"),
        ("feed", "/zh-hans/news/feed/"),
        ("sitemap", "/sitemap.xml"),
    ]


# Wagtail's bakerydemo, as `load_initial_data` fills it: a page of each kind.
BAKERYDEMO_PAGES = {
    "home": "/",
    "city": "/locations/reykjavik/",
    "article": "/blog/bread-circuses/",
    "news": "/blog/",
    "search": "/search/?q=bread",
}


def comparison_pairs():
    """(label, portal path, bakerydemo path) of the pages that do the same job:
    the home pages, a city and a bakery location, an article and a blog post,
    the news list and the blog index, and a search with results on each."""
    from cities.models import City
    from news.models import Article

    city = City.objects.published().partners().order_by("slug")[7]
    count = Article.objects.published().count()
    article = Article.objects.published().order_by("-published_at")[count // 2]
    portal = {
        "home": ("home / home", "/en/"),
        "city": ("city / location", f"/en/cities/{city.slug}/"),
        "article": ("article / blog post", f"/en/news/{article.slug}/"),
        "news": ("news list / blog index", "/en/news/"),
        "search": ("search / search", "/en/search/?q=Karachi"),
    }
    return [(label, path, BAKERYDEMO_PAGES[kind]) for kind, (label, path) in portal.items()]


def count_queries(path):
    """Queries to render `path` once (page cache off; the site's small caches warm).

    The site revision is kept for the count: read again from the database once a
    second, it would add its own queries whenever the warm-up took longer."""
    client = Client(HTTP_HOST="localhost")
    with override_settings(PAGE_CACHE_SECONDS=0, PAGE_CACHE_REVISION_SECONDS=3600):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


# Through the proxy, wrk and the one client ask as browsers do: for gzip. Varnish
# keeps pages gzip-compressed and sends them so; to a client that does not take
# gzip it would unzip every page on the way out, which no browser asks of it. The
# portal and bakerydemo compress nothing themselves (no GZipMiddleware), so their
# servers are asked without it: the header would change nothing there.
PROXY_HEADERS = {"Accept-Encoding": "gzip"}


def latencies(base, path, seconds=2.0, at_least=30, headers=None):
    """Milliseconds of one request after another (a fresh connection each, as gunicorn's
    sync workers close them)."""
    address = urlsplit(base)
    times = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or len(times) < at_least:
        started = time.perf_counter()
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        conn.close()
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
    return times


def refuse_debug(base):
    """Stop when a server answers with Django's debug page: DEBUG on is not what is measured."""
    address = urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    conn.request("GET", "/bench-no-such-page/")
    body = conn.getresponse().read()
    conn.close()
    if b"DEBUG = True" in body:
        raise RuntimeError(f"{base} runs with DEBUG on: turn it off (docs/operations.md).")


def require_proxy_hit(base, path, headers=PROXY_HEADERS):
    """Stop unless the proxy answers `path` from its cache (`X-Cache: HIT`): a page it
    passed to the app or did not keep is not what the proxy column measures."""
    address = urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 200 or response.getheader("X-Cache") != "HIT":
        raise RuntimeError(
            f"{path} does not come from the proxy's cache: {response.status}, "
            f"X-Cache {response.getheader('X-Cache')!r}, "
            f"Cache-Control {response.getheader('Cache-Control')!r}"
        )


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def _run_wrk(base, paths, seconds, connections, threads, timeout, report, marker, headers=None):
    """Run wrk with every connection asking `paths` in turn (with `headers`); returns the
    numbers of the line `report` (Lua) printed after `marker`."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        quoted = ", ".join(f'"{path}"' for path in paths)
        script.write(
            f"local paths = {{{quoted}}}\nlocal n = 0\n"
            "request = function()\n  n = n + 1\n"
            "  return wrk.format(nil, paths[(n % #paths) + 1])\nend\n" + report
        )
        script.flush()
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
        for name, value in (headers or {}).items():
            command += ["-H", f"{name}: {value}"]
        command += ["--timeout", timeout, "-s", script.name, base]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith(marker))
    return [int(number) for number in line.split()[1:]]


def wrk(base, paths, seconds, connections, threads=2, headers=None):
    """(requests per second, non-2xx/3xx responses, socket errors) from wrk."""
    requests, bad_status, socket_errors, duration_us = _run_wrk(
        base, paths, seconds, connections, threads, "10s", WRK_SCRIPT, "RESULT", headers
    )
    return requests / (duration_us / 1e6), bad_status, socket_errors


@dataclass
class Figures:
    median: float
    p95: float
    rps: float


def measure(base, path, seconds, connections, headers=None):
    time.sleep(0.5)  # let the server finish what the last load left queued
    times = latencies(base, path, headers=headers)
    rps, bad, errors = wrk(base, [path], seconds, connections, headers=headers)
    if bad or errors:
        raise RuntimeError(f"{path}: {bad} bad statuses, {errors} socket errors under load")
    return Figures(statistics.median(times), p95(times), rps)


def collect_static():
    """The servers run with DEBUG off: hashed static files, as in production."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env={**os.environ, **server_environment(cached=False)},
        check=True,
    )


def server_environment(cached, parts=True):
    """Production settings (DEBUG off) and the floor view, with the page cache on or
    off and the fragment cache on or off (`parts=False`: every fragment rendered on
    every request)."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "PAGE_CACHE_SECONDS": "3600" if cached else "0",
        "FRAGMENT_CACHE_SECONDS": "3600" if parts else "0",
        "BENCH_FLOOR": "1",
    }


LOAD_SCRIPT = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  fivexx = 0
  statuses = 0
end
function response(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 end
  if status >= 400 then statuses = statuses + 1 end
end
done = function(summary, latency, requests)
  local server_errors, client_errors = 0, 0
  for _, thread in ipairs(threads) do
    server_errors = server_errors + thread:get("fivexx")
    client_errors = client_errors + thread:get("statuses")
  end
  io.write(string.format("LOAD %d %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, server_errors, client_errors - server_errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def load_run(base, paths, seconds, connections, threads=2):
    """A mixed load: every connection asks the pages in turn. Returns a dict of figures."""
    requests, duration, server_errors, client_errors, socket_errors, p50, p95, p99 = _run_wrk(
        base, paths, seconds, connections, threads, "30s", LOAD_SCRIPT, "LOAD"
    )
    return {
        "requests": requests,
        "rps": requests / (duration / 1e6),
        "5xx": server_errors,
        "4xx": client_errors,
        "socket errors": socket_errors,
        "p50 ms": p50 / 1000,
        "p95 ms": p95 / 1000,
        "p99 ms": p99 / 1000,
    }
