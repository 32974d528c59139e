"""gunicorn reads this file by itself: `gunicorn portal.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests, so a slow leak never grows for
# long; with the app preloaded, a new worker is forked ready in milliseconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50_000))
max_requests_jitter = max_requests // 10
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# The proxies in front. The settings read the same variable with the same default
# (FORWARDED_ALLOW_IPS): the sign-in lockout believes X-Forwarded-For from them only.
# This file imports nothing of the portal (the benchmark serves other projects with it).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket lives at one path per user; several portals (or a
# test's two servers) on one machine would share it. Nothing here uses it.
control_socket_disable = True


def when_ready(server):
    """A new deployment replaces what the proxy in front kept of the last one (the
    page cache is keyed by the deploy id; the proxy is not). Only the portal sets
    PURGE_URL; with preload_app, its settings are loaded by now."""
    if os.environ.get("PURGE_URL"):
        from portal.operations.proxy import purge_everything

        purge_everything(repeat=False)  # no change was committing: one ban is enough
