"""Chromium, driven by Playwright, against the live test server.

Debian's Chromium at /usr/bin/chromium (Playwright's own browser download is
not available here). Every page records the hosts it asked for, so a test can
prove nothing came from another host. Screenshots go to
test-artifacts/screenshots/.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; the test server and
# fixtures still use the ORM synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = {"phone": 390, "desk": 1280}
BROWSER_TESTS_SKIPPED = pytest.StashKey[int]()


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time_on_in_memory_sqlite(django_db_setup):
    """On SQLite the test database lives in memory, and the live server's threads
    share its single connection; two requests at once (a page and an XHR) can
    deadlock inside sqlite3. A server that answers one request at a time (and
    closes each connection, so the browser never waits on a kept-alive one)
    avoids it. PostgreSQL keeps the threaded server: each thread its own
    connection."""
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    class OneAtATimeWSGIServer(WSGIServer):
        # The live server thread itself installs the shared connection.
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        LiveServerThread.server_class = OneAtATimeWSGIServer


NO_CHROMIUM = (
    f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium and "
    "fonts-noto-cjk (apt-get install chromium fonts-noto-cjk), or CHROMIUM_PATH naming one"
)


def chromium_missing():
    return shutil.which(CHROMIUM) is None


def pytest_collection_modifyitems(config, items):
    skipped = 0
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if chromium_missing():
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}"))
                skipped += 1
    config.stash[BROWSER_TESTS_SKIPPED] = skipped


def pytest_terminal_summary(terminalreporter, config):
    skipped = config.stash.get(BROWSER_TESTS_SKIPPED, 0)
    if skipped:
        terminalreporter.write_line(f"{skipped} browser tests skipped. {NO_CHROMIUM}.")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class RequestLog:
    def __init__(self):
        self.urls = []

    def foreign(self, allowed_netloc):
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != allowed_netloc
        ]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": WIDTHS["desk"], "height": 900})
    page = context.new_page()
    log = RequestLog()
    page.on("request", lambda request: log.urls.append(request.url))
    page.request_log = log
    page.live_netloc = urlsplit(live_server.url).netloc
    # Whatever a test does, the Content-Security-Policy must never have to block
    # anything the portal itself sends: that would be a broken page.
    blocked = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )
    yield page
    context.close()
    assert blocked == [], "the Content-Security-Policy blocked part of a page"


def screenshot(page, name):
    """Save the page at phone and desk widths; returns the paths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paths = []
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=path, full_page=True)
        paths.append(path)
    page.set_viewport_size({"width": WIDTHS["desk"], "height": 900})
    return paths


def sign_in(page, site, username, password):
    """Sign in at the admin's page as a person would: the password, then, when asked,
    the code their authenticator app shows (computed from their device's key)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.two_factor import code_for

    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/admin/login/"))
    if page.url.endswith("/admin/two-factor/verify/"):
        page.fill("#id_code", code_for(TOTPDevice.objects.get(user__username=username)))
        page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    return page
