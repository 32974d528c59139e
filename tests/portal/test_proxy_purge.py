"""Purge on publish (`portal/operations/proxy.py`): a BAN to PURGE_URL, now and once
more shortly after, that never raises into the publish it follows."""

import contextlib
import http.server
import logging
import socket
import threading
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from portal.operations import proxy
from portal.operations.bench.server import free_port
from portal.settings.env import env_http_url


class _Recorder(http.server.BaseHTTPRequestHandler):
    def do_BAN(self):
        self.server.bans.append((time.monotonic(), self.path))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def fake_proxy(status=200):
    """A proxy that records the bans it gets; yields the server (`.bans`, `.url`)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.bans, server.status = [], status
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def _quick_repeat(monkeypatch):
    """The repeat comes 0.3 s after the last purge here; none is left for the next test."""
    monkeypatch.setattr(proxy, "REPEAT_AFTER_SECONDS", 0.3)
    yield
    deadline = time.monotonic() + 5
    while proxy._pending and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not proxy._pending


def until(condition, seconds=3):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_without_a_proxy_nothing_is_sent(settings):
    settings.PURGE_URL = ""
    assert proxy.purge_everything() is None
    assert not proxy._pending


def test_a_purge_bans_at_once_and_again_after_the_last_of_a_burst(settings):
    with fake_proxy() as server:
        settings.PURGE_URL = server.url
        started = time.monotonic()
        assert proxy.purge_everything() is True
        assert len(server.bans) == 1, "the first ban is sent before the call returns"
        time.sleep(0.1)
        assert proxy.purge_everything() is True
        last = time.monotonic()
        assert until(lambda: len(server.bans) == 3)
        time.sleep(0.5)  # no other repeat comes
        assert len(server.bans) == 3
    (first, _), (second, _), (repeat, path) = server.bans
    assert first - started < 0.5 and second - started < 0.5
    assert repeat - last >= proxy.REPEAT_AFTER_SECONDS, "one repeat, due after the last purge"
    assert path == "/"


def test_a_proxy_that_is_down_costs_one_log_line_and_never_raises(settings, caplog):
    settings.PURGE_URL = f"http://127.0.0.1:{free_port()}/"
    with caplog.at_level(logging.WARNING, logger="portal.operations.proxy"):
        assert proxy.purge_everything(repeat=False) is False
    [record] = caplog.records
    assert record.getMessage().startswith("Proxy purge failed: BAN http://127.0.0.1:")
    assert record.exc_info is None


def test_a_proxy_that_refuses_the_ban_is_a_failure(settings, caplog):
    with fake_proxy(status=405) as server:
        settings.PURGE_URL = server.url
        assert proxy.purge_everything(repeat=False) is False
    assert "405" in caplog.records[-1].getMessage()


def test_a_proxy_that_never_answers_holds_the_publish_only_for_the_timeout(settings, monkeypatch):
    monkeypatch.setattr(proxy, "TIMEOUT_SECONDS", 0.3)
    with socket.socket() as silent:  # accepts connections (the backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.PURGE_URL = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        started = time.monotonic()
        assert proxy.purge_everything(repeat=False) is False
        assert time.monotonic() - started < 1


def test_purgeproxy_bans_once_and_says_so(settings, capsys):
    with fake_proxy() as server:
        settings.PURGE_URL = server.url
        call_command("purgeproxy")
        time.sleep(0.5)
    assert len(server.bans) == 1
    assert f"Every page banned in the proxy at {server.url}" in capsys.readouterr().out


def test_purgeproxy_without_a_proxy_or_with_one_down_fails(settings):
    settings.PURGE_URL = ""
    with pytest.raises(CommandError, match="PURGE_URL is not set"):
        call_command("purgeproxy")
    settings.PURGE_URL = f"http://127.0.0.1:{free_port()}/"
    with pytest.raises(CommandError, match="did not take the ban"):
        call_command("purgeproxy")


def test_purge_url_must_be_an_http_address(monkeypatch):
    monkeypatch.setenv("PURGE_URL", "varnish:8080")
    with pytest.raises(ImproperlyConfigured, match="PURGE_URL must be an http"):
        env_http_url("PURGE_URL")
    monkeypatch.setenv("PURGE_URL", " http://127.0.0.1:8080/ ")
    assert env_http_url("PURGE_URL") == "http://127.0.0.1:8080/"
    monkeypatch.delenv("PURGE_URL")
    assert env_http_url("PURGE_URL") == ""


def test_a_process_that_exits_first_sends_the_repeat_on_its_way_out(settings):
    with fake_proxy() as server:
        settings.PURGE_URL = server.url
        # Read before the purge: the repeat is due REPEAT_AFTER_SECONDS after the purge
        # started to wait, a moment before it returned.
        before = time.monotonic()
        proxy.purge_everything()
        proxy._repeat_before_exit()  # what atexit runs
        assert len(server.bans) == 2
        assert server.bans[1][0] - before >= proxy.REPEAT_AFTER_SECONDS
        time.sleep(0.5)
        assert len(server.bans) == 2, "the waiting thread sends nothing more"
