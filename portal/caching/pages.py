"""Whole pages for signed-out visitors (keyed by revision, deploy id, day, address,
language and care mode), and the HTTP headers a proxy or CDN in front relies on:
`Cache-Control: public` with an ETag from the key (`ConditionalGetMiddleware`
answers a 304), no `Vary: Cookie` (the proxy keys care mode by its one cookie);
everything else `private, no-store`. A visitor is recognised by what the request
carries: a session naming no signed-in user (a junk `sessionid`) is a visitor's."""

import datetime
import hashlib
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

# The back office, health checks, the language and care-mode switches, media.
NEVER = ("/admin/", "/healthz", "/language/", "/care/", "/i18n/", "/media/")
STORED_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "X-Robots-Tag")


def is_visitor(request):
    """Nobody is signed in: no session cookie, or one whose session holds no user."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    return not key or SESSION_KEY not in import_module(settings.SESSION_ENGINE).SessionStore(key)


def for_everyone(request, response):
    """A 200 to a GET: no cookie set, no stream, no CSRF token, nothing against keeping."""
    control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and get_max_age(response) != 0
    )


class PageCacheMiddleware:
    """After ConditionalGetMiddleware, before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or request.path.startswith(NEVER) or not is_visitor(request):
            return private(self.get_response(request))
        token = revision.current()
        key = page_key(request, token) if token else None
        stored = cache.get(key) if key and settings.PAGE_CACHE_SECONDS else None
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=dict(headers))
            response["X-Page-Cache"] = "hit"
            return public(response, key)
        response = self.get_response(request)
        if not for_everyone(request, response):
            return private(response)
        if revision.current() != token:  # the site changed meanwhile: keep it nowhere
            patch_cache_control(response, no_cache=True)
            return response
        if key and settings.PAGE_CACHE_SECONDS:
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            stored = (response.status_code, headers, response.content)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return public(response, key)


def page_key(request, token):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    language = get_language_from_path(request.path_info) or "-"  # before LocaleMiddleware
    mode = "care" if care_mode_on(request) else "standard"
    day = timezone.localdate().isoformat()  # the footer's year, this month's anniversaries
    return f"page:{token}:{deploy_id()}:{day}:{language}:{mode}:{digest}"


def public(response, key):
    """`response` as a cache in front may keep it, validated by its key."""
    now = timezone.localtime()
    midnight = timezone.make_aware(datetime.datetime.combine(now.date(), datetime.time()))
    until_midnight = int((midnight - now).total_seconds()) + 24 * 3600
    lifetimes = [settings.PROXY_CACHE_SECONDS, until_midnight, revision.seconds_to_next_change()]
    patch_cache_control(
        response,
        public=True,
        max_age=settings.BROWSER_CACHE_SECONDS,
        s_maxage=min(seconds for seconds in lifetimes if seconds is not None),
        stale_while_revalidate=settings.STALE_SECONDS,
    )
    if key:
        response["ETag"] = f'W/"{hashlib.sha256(key.encode()).hexdigest()[:24]}"'
    vary = [part.strip() for part in response.get("Vary", "").split(",")]
    if "Cookie" in vary:
        del response["Vary"]
        if vary := [part for part in vary if part not in ("", "Cookie")]:
            response["Vary"] = ", ".join(vary)
    return response


def private(response):
    """Nobody but the visitor's browser may keep it, unless it says otherwise."""
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_store=True)
    return response
