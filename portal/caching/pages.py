"""Whole pages for signed-out visitors: the page cache, and the HTTP caching headers
a proxy or CDN in front keys and validates them by.

A page is cached under the site revision, the deploy id, the day, its address,
language and care mode: a change or a deployment retires every page at once. A visitor
is recognised by what the request carries, not by a cookie's name: one whose
session cookie names no signed-in user (a junk `sessionid`) is a visitor too.

What a visitor may be served from a cache says so: `Cache-Control: public` with
the settings' lifetimes (the proxy's never past midnight or the next scheduled
publication),
and an `ETag` made from the revision, so `ConditionalGetMiddleware` (outside
this one) answers a conditional GET with a 304. Everything else (staff, a page
with a form's CSRF token, a preview, a redirect by language) is
`private, no-store`. Anonymous pages do not vary on `Cookie`: the proxy keys the
care-mode variant by its one cookie (deploy/).
"""

import datetime
import hashlib
import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.translation import get_language_from_path

from portal.caching import revision
from portal.caching.deploy import deploy_id
from portal.care import is_on as care_mode_on

logger = logging.getLogger(__name__)

# Paths that are never public pages: the back office, health checks, language and
# care-mode switches, media (served with caching headers of their own).
NEVER = ("/admin/", "/healthz", "/language/", "/care/", "/i18n/", "/media/")
STORED_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "X-Robots-Tag")


def is_visitor(request):
    """Nobody is signed in: no session cookie, or one whose session holds no user."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return True
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    return SESSION_KEY not in store


def for_everyone(request, response):
    """A response any visitor may be served from a cache: a plain 200 to a GET that
    sets no cookie, streams nothing, holds no CSRF token and says nothing against it."""
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and get_max_age(response) != 0
    )


class PageCacheMiddleware:
    """Place after ConditionalGetMiddleware and before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or request.path.startswith(NEVER) or not is_visitor(request):
            return private(self.get_response(request))
        token = revision.current()
        key = page_key(request, token) if token else None
        stored = cache.get(key) if key and settings.PAGE_CACHE_SECONDS else None
        if stored is not None:
            response = restored(stored)
            response["X-Page-Cache"] = "hit"
            return public(response, key)
        response = self.get_response(request)
        if not for_everyone(request, response):
            return private(response)
        if revision.current() != token:
            # The site changed while this page was made: serve it, keep it nowhere.
            patch_cache_control(response, no_cache=True)
            return response
        if key and settings.PAGE_CACHE_SECONDS:
            cache.set(key, stored_response(response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return public(response, key)


def page_key(request, token):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    # The language is the address's (the locale middleware has not run yet).
    language = get_language_from_path(request.path_info) or "-"
    mode = "care" if care_mode_on(request) else "standard"
    # The day too: a page may show it (the footer's year, this month's anniversaries).
    day = timezone.localdate().isoformat()
    return f"page:{token}:{deploy_id()}:{day}:{language}:{mode}:{digest}"


def public(response, key):
    """`response` as a cache in front may keep it, validated by the page's key."""
    proxy_seconds = min(settings.PROXY_CACHE_SECONDS, _seconds_to_midnight())
    until_scheduled = revision.seconds_to_next_change()
    if until_scheduled is not None:
        proxy_seconds = min(proxy_seconds, until_scheduled)
    patch_cache_control(
        response,
        public=True,
        max_age=settings.BROWSER_CACHE_SECONDS,
        s_maxage=proxy_seconds,
        stale_while_revalidate=settings.STALE_SECONDS,
    )
    if key:
        response["ETag"] = f'W/"{hashlib.sha256(key.encode()).hexdigest()[:24]}"'
    vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
    if "Cookie" in vary:
        vary.remove("Cookie")
        response["Vary"] = ", ".join(vary)
        if not vary:
            del response["Vary"]
    return response


def _seconds_to_midnight():
    now = timezone.localtime()
    tomorrow = datetime.datetime.combine(now.date(), datetime.time(), now.tzinfo)
    return int((tomorrow + datetime.timedelta(days=1) - now).total_seconds())


def private(response):
    """`response` as nothing but the visitor's browser may keep, unless it says otherwise."""
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_store=True)
    return response


def stored_response(response):
    kept = [(header, response[header]) for header in STORED_HEADERS if header in response]
    return response.status_code, kept, response.content


def restored(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for header, value in headers:
        response[header] = value
    return response
