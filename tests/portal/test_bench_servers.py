"""What `make bench` serves and fills, without timing anything: the bare Django
floor under gunicorn, the portal's four modes (the last behind Varnish), the
bakerydemo checkout it is given, and its dataset."""

import contextlib
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core.management.base import CommandError

from cities.models import City, Exchange
from news.models import Article
from portal.management.commands import benchsite
from portal.management.commands.benchsite import bakerydemo_checkout
from portal.operations.bench import conditions, site
from portal.operations.bench.dataset import make_articles, make_cities
from portal.operations.bench.server import FLOOR_APP, ROOT, gunicorn, varnish
from portal.operations.bench.site import Figures, server_environment


def test_the_floor_app_answers_ok_under_gunicorn_through_its_three_middlewares():
    with gunicorn(workers=1, app=FLOOR_APP) as base:
        with urllib.request.urlopen(base + "/", timeout=10) as response:
            assert response.status == 200 and response.read() == b"ok"
            headers = response.headers
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/elsewhere/", timeout=10)
    assert headers["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware
    assert headers["X-Frame-Options"] == "DENY"  # XFrameOptionsMiddleware
    assert missing.value.code == 404 and b"DEBUG = True" not in missing.value.read()


SETTINGS = (
    "from django.conf import settings; "
    "print(settings.PAGE_CACHE_SECONDS, settings.FRAGMENT_CACHE_SECONDS)"
)


@pytest.mark.parametrize(
    ("cached", "parts", "read"),
    [
        (False, True, "0 3600"),  # uncached: fragments served from the cache
        (False, False, "0 0"),  # rendered: fragments off too
        (True, True, "3600 3600"),  # cached
    ],
)
def test_each_mode_is_what_the_portal_settings_read_from_its_environment(cached, parts, read):
    environment = {**os.environ, **server_environment(cached=cached, parts=parts)}
    environment["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SETTINGS}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == read


def fake_round(monkeypatch, varnish_version):
    """A benchsite Command whose servers and measurements are made up: each server's
    base URL is its mode's name, and a page's req/s is its mode's rate."""
    modes = {("0", "3600"): "uncached", ("0", "0"): "rendered", ("3600", "3600"): "cached"}
    seen = SimpleNamespace(started=[], asked={}, hits=[])

    @contextlib.contextmanager
    def serve(workers, app="portal.wsgi", **environment):
        if app == FLOOR_APP:
            yield "floor"
            return
        mode = modes[environment["PAGE_CACHE_SECONDS"], environment["FRAGMENT_CACHE_SECONDS"]]
        seen.started.append(mode)
        yield mode

    @contextlib.contextmanager
    def behind_varnish(workers, **environment):
        with serve(workers, **environment) as mode:
            seen.started.append(f"varnish in front of {mode}")
            yield "proxy"

    @contextlib.contextmanager
    def bakerydemo(checkout, workers):
        yield "bakerydemo"

    def point(base, path, headers=None):
        seen.asked[base, path] = headers
        return Figures(1.0, 2.0, float(rates[base]))

    rates = {
        "floor": 1_000,
        "uncached": 100,
        "rendered": 40,
        "cached": 800,
        "proxy": 9_000,
        "bakerydemo": 10,
    }
    monkeypatch.setattr(benchsite, "gunicorn", serve)
    monkeypatch.setattr(benchsite, "behind_varnish", behind_varnish)
    monkeypatch.setattr(benchsite, "bakerydemo", bakerydemo)
    monkeypatch.setattr(benchsite, "bakerydemo_version", lambda checkout: "commit 8e2b625")
    monkeypatch.setattr(site, "public_pages", lambda: [("home", "/zh-hans/")])
    monkeypatch.setattr(site, "comparison_pairs", lambda: [("home / home", "/en/", "/")])
    monkeypatch.setattr(site, "count_queries", lambda path: 7)
    monkeypatch.setattr(site, "latencies", lambda *args, **kwargs: [1.0])
    monkeypatch.setattr(site, "refuse_debug", lambda base: None)
    monkeypatch.setattr(site, "require_proxy_hit", lambda base, path: seen.hits.append(path))
    readings = iter(range(1, 1_000))  # each server: 1 s, 2 s busy, 1 s of it the bench's own

    def cpu_seconds():
        n = next(readings)
        return 2.0 * n, 1.0 * n, 1.0 * n

    monkeypatch.setattr(conditions, "cpu_seconds", cpu_seconds)
    monkeypatch.setattr(conditions.os, "cpu_count", lambda: 2)
    command = benchsite.Command()
    command.settings = {"seconds": 1, "connections": 1, "workers": 1}
    command.varnish = varnish_version
    command.others = []
    command.point = point
    return command, seen


COUNTS = {"articles": 1_000, "cities": 200, "exchanges": 5_000}


def test_a_round_serves_the_portal_rendered_with_its_kept_parts_off(monkeypatch):
    """Every page and every bakerydemo pair gets the rendered mode's figures, from a
    server started with FRAGMENT_CACHE_SECONDS=0, and the uncached ones from one with parts."""
    command, seen = fake_round(monkeypatch, "7.1.1")

    size, comparison = command.measure(COUNTS, rounds=2, checkout="/bakerydemo")

    assert (
        seen.started
        == [
            "uncached",
            "rendered",
            "cached",
            "cached",
            "varnish in front of cached",
        ]
        * 2
    )
    home, middleware = size.pages
    assert [figures.rps for figures in home.rendered] == [40.0, 40.0]
    assert [figures.rps for figures in home.uncached] == [100.0, 100.0]
    assert [figures.rps for figures in middleware.rendered] == [40.0, 40.0]
    (pair,) = comparison.pairs
    assert [figures.rps for figures in pair.portal_rendered] == [40.0, 40.0]
    assert [figures.rps for figures in pair.portal] == [100.0, 100.0]
    # The share of the CPU other work took while each of the six servers was measured.
    assert command.others == [0.5] * 6 * 2


def test_a_round_measures_the_public_pages_through_the_proxy_as_a_browser_asks(monkeypatch):
    """The proxy column: a server in cached mode behind Varnish, in the same rounds,
    every public page asked with Accept-Encoding: gzip once it comes from the proxy's
    cache; the portal's /bench/floor/, which the VCL passes to the app, is not."""
    command, seen = fake_round(monkeypatch, "7.1.1")

    size, _comparison = command.measure(COUNTS, rounds=2, checkout=None)

    home, middleware = size.pages
    assert [figures.rps for figures in home.proxy] == [9_000.0, 9_000.0]
    assert [figures.rps for figures in home.cached] == [800.0, 800.0]
    assert middleware.proxy == []
    assert seen.hits == ["/zh-hans/", "/zh-hans/"]
    assert seen.asked["proxy", "/zh-hans/"] == {"Accept-Encoding": "gzip"}
    assert seen.asked["cached", "/zh-hans/"] is None
    assert ("proxy", "/bench/floor/") not in seen.asked


def test_without_varnishd_no_proxy_is_started_and_the_column_is_empty(monkeypatch):
    command, seen = fake_round(monkeypatch, None)

    size, _comparison = command.measure(COUNTS, rounds=1, checkout=None)

    assert seen.started == ["uncached", "rendered", "cached"]
    assert all(page.proxy == [] for page in size.pages)
    assert seen.hits == []


def test_wrk_sends_the_headers_it_is_given(monkeypatch):
    commands = []

    def run(command, **kwargs):
        commands.append(command)
        return SimpleNamespace(stdout="Running 1s test\nRESULT 5000 0 0 1000000\n")

    monkeypatch.setattr(site.subprocess, "run", run)
    assert site.wrk("http://127.0.0.1:1", ["/en/"], 1, 16, headers=site.PROXY_HEADERS) == (
        5000.0,
        0,
        0,
    )
    site.wrk("http://127.0.0.1:1", ["/en/"], 1, 16)
    through_proxy, direct = commands
    assert through_proxy[through_proxy.index("-H") + 1] == "Accept-Encoding: gzip"
    assert "-H" not in direct


@pytest.mark.skipif(shutil.which("varnishd") is None, reason="Varnish is missing")
def test_a_page_the_proxy_passes_is_refused_by_the_proxy_column():
    """The bench's Varnish (the portal's VCL, in a folder of its own) in front of the
    floor app: `/` is outside the language prefixes, so the VCL passes it, and the
    bench refuses to count that as the proxy's figure."""
    with gunicorn(workers=1, app=FLOOR_APP) as floor:
        port = urlsplit(floor).port
        with varnish([port, port]) as base:
            with urllib.request.urlopen(base + "/", timeout=10) as response:
                assert response.read() == b"ok" and response.headers["X-Cache"] == "PASS"
            with pytest.raises(RuntimeError, match=r"^/ does not come from the proxy's cache"):
                site.require_proxy_hit(base, "/")


def test_the_share_of_the_cpu_other_work_took_is_the_busy_time_less_the_bench_s_own():
    # 1 s on 2 cores: 1.5 s busy, 0.5 s of it the bench's own processes.
    assert conditions.others_share((10.0, 4.0, 100.0), (11.5, 4.5, 101.0), cores=2) == 0.5
    assert conditions.others_share((10.0, 4.0, 100.0), (10.2, 4.5, 101.0), cores=2) == 0.0
    assert conditions.others_share(None, (1.0, 1.0, 1.0)) is None
    reading = conditions.cpu_seconds()
    if reading is not None:  # Linux
        busy, own, _clock = reading
        assert busy > 0 and own > 0


def test_without_bakerydemo_there_is_no_checkout_to_measure():
    assert bakerydemo_checkout("") is None


def test_a_bakerydemo_path_that_is_not_a_prepared_checkout_is_refused_in_a_sentence(tmp_path):
    with pytest.raises(CommandError, match="not a bakerydemo checkout"):
        bakerydemo_checkout(str(tmp_path))
    (tmp_path / "bakerydemo").mkdir()
    (tmp_path / "bakerydemo" / "wsgi.py").write_text("")
    with pytest.raises(CommandError, match=r"no gunicorn in its \.venv"):
        bakerydemo_checkout(str(tmp_path))
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "gunicorn").write_text("")
    assert bakerydemo_checkout(str(tmp_path)) == tmp_path.resolve()


@pytest.mark.django_db
def test_the_bench_data_is_published_in_both_languages():
    make_cities(3, 4)
    make_articles(5)
    for model, count in ((City, 3), (Article, 5)):
        assert model.objects.published().in_language("en").count() == count
        assert model.objects.published().in_language("zh-hans").count() == count
    assert all(
        exchange.translation_states["en"] == "complete" for exchange in Exchange.objects.all()
    )
