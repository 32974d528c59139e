"""Purge the HTTP cache in front (Varnish, `deploy/varnish/portal.vcl`) on publish.

`purge_everything()` sends `BAN` to `settings.PURGE_URL` (the proxy's address;
empty, the default, means no proxy and does nothing). The app calls it after a
transaction that changed content commits; operators call it with
`manage.py purgeproxy`.

Why every page, not the changed ones: the app files every page under one
site-wide revision, so any change retires every page in the app's own cache (an
article's title shows on the home page, the news lists, its city's page, search
and the sitemap; a city's name on every article that names it). Working out
which addresses one change touches would be a second, weaker copy of that rule,
and a page it missed would stay stale in the proxy for its whole s-maxage. So the
proxy does what the app does: one ban retires every page of the site (the static
files stay; they change only with a release, under new names). The pages come
back at the cost of one render each, and with `keep` Varnish revalidates them
with the ETag.

Why a second ban shortly after: a ban retires only what the proxy holds when it
arrives. A page another server was rendering from the old content when the
change committed (a render in progress, or a server whose memory cache still
had the old revision: `PAGE_CACHE_REVISION_SECONDS` without Redis) can reach the
proxy just after the ban and would then be served for its whole s-maxage. The
same ban `REPEAT_AFTER_SECONDS` later (a daemon thread; several purges within
that time share one repeat, due after the last) retires it. A process that
exits before then (a management command) sends it on its way out.

It never raises into the caller: a proxy that is down, slow or refuses costs at
most `TIMEOUT_SECONDS` and one line in the log (no traceback); pages then age
out of the proxy by their s-maxage.
"""

import atexit
import logging
import threading
import time
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2
REPEAT_AFTER_SECONDS = 1.5

# Straight to the proxy: never through an HTTP_PROXY from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_lock = threading.Lock()
_pending = {}  # the repeat to come: {"due": monotonic time, "url": where}


def purge_everything(repeat=True):
    """Ban every page of the site in the proxy at PURGE_URL, now and once more
    `REPEAT_AFTER_SECONDS` later (unless `repeat` is false).

    True when the proxy took the ban, False when it did not (logged), None when
    there is no proxy (PURGE_URL empty)."""
    url = settings.PURGE_URL
    if not url:
        return None
    banned = send_ban(url)
    if repeat:
        _repeat_later(url)
    return banned


def purge_on_change(**kwargs):
    """Receiver of `portal.caching.revision.site_changed`: a change has committed."""
    purge_everything()


def send_ban(url):
    """One BAN to `url`; True when the proxy answered 2xx. Never raises."""
    request = urllib.request.Request(url, method="BAN", headers={"User-Agent": "portal-purge"})
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            response.read()
    except Exception as error:  # whatever it is, the publish it follows has happened
        logger.warning("Proxy purge failed: BAN %s: %s", url, error)
        return False
    return True


def _repeat_later(url):
    with _lock:
        pending = bool(_pending)
        _pending.update(due=time.monotonic() + REPEAT_AFTER_SECONDS, url=url)
    if not pending:
        threading.Thread(target=_repeat, name="proxy-purge-repeat", daemon=True).start()


def _repeat():
    while True:
        with _lock:
            if not _pending:
                return  # sent by `_repeat_before_exit`
            wait = _pending["due"] - time.monotonic()
            if wait <= 0:
                url = _pending.pop("url")
                _pending.clear()
                break
        time.sleep(wait)
    send_ban(url)


@atexit.register
def _repeat_before_exit():
    """A process that exits with a repeat to come (a management command that
    published) waits for it and sends it."""
    with _lock:
        pending = dict(_pending)
        _pending.clear()
    if pending:
        time.sleep(max(0.0, pending["due"] - time.monotonic()))
        send_ban(pending["url"])
