"""Whole pages for signed-out visitors, keyed by revision, deploy id, day, address,
language and care mode; and the headers a proxy or CDN in front relies on: public
ones with an ETag and Last-Modified (`ConditionalGetMiddleware` answers a 304), no
`Vary: Cookie` (the proxy keys care mode by its cookie); others `private, no-store`.
A visitor is one whose session (if any: a junk `sessionid`) names no signed-in user."""

import datetime
import hashlib
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from portal.caching import revision
from portal.caching.deploy import deploy_id, deploy_started
from portal.care import is_on as care_mode_on

# The back office, health checks, the language and care-mode switches, media.
NEVER = ("/admin/", "/healthz", "/language/", "/care/", "/i18n/", "/media/")
STORED_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Content-Disposition")


def is_visitor(request):
    """Nobody is signed in: no session cookie, or one whose session holds no user."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    return not key or SESSION_KEY not in import_module(settings.SESSION_ENGINE).SessionStore(key)


def for_everyone(request, response):
    """A 200 to a GET: no cookie set, no stream, no CSRF token, nothing against keeping."""
    control = response.get("Cache-Control", "")
    unkept = any(word in control for word in ("private", "no-store", "no-cache"))
    plain = response.status_code == 200 and not (response.streaming or response.cookies)
    token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    return (
        request.method == "GET" and plain and not (token or unkept) and get_max_age(response) != 0
    )


class PageCacheMiddleware:
    """After ConditionalGetMiddleware, before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or request.path.startswith(NEVER) or not is_visitor(request):
            return private(self.get_response(request))
        request.site_revision = token = revision.current()  # its fragments' too
        request.started = timezone.localtime()
        key = page_key(request, token) if token else None
        stored = cache.get(key) if key and settings.PAGE_CACHE_SECONDS else None
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=dict(headers))
            response["X-Page-Cache"] = "hit"
            return public(request, response, key)
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
        return public(request, response, key)


def page_key(request, token):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    language = get_language_from_path(request.path_info) or "-"  # before LocaleMiddleware
    mode = "care" if care_mode_on(request) else "standard"
    day = request.started.date().isoformat()  # the footer's year, this month's anniversaries
    return f"page:{token}:{deploy_id()}:{day}:{language}:{mode}:{digest}"


def public(request, response, key):
    """`response` as a cache in front may keep it, validated by its key; the proxy
    keeps it a minute at most when the revision is unknown (no cache to read it)."""
    now = request.started
    midnight = timezone.make_aware(datetime.datetime.combine(now.date(), datetime.time()))
    known = revision.lifetime_and_changed() or (60, now.timestamp())
    lifetimes = [settings.PROXY_CACHE_SECONDS, int((midnight - now).total_seconds()) + 86400]
    patch_cache_control(
        response,
        public=True,
        max_age=settings.BROWSER_CACHE_SECONDS,
        s_maxage=min(seconds for seconds in [*lifetimes, known[0]] if seconds is not None),
        stale_while_revalidate=settings.STALE_SECONDS,
    )
    if key:
        response["ETag"] = f'W/"{hashlib.sha256(key.encode()).hexdigest()[:24]}"'
    # The last change, deployment or day (not a feed's newest item: a withdrawal).
    response["Last-Modified"] = http_date(max(known[1], deploy_started(), midnight.timestamp()))
    vary = [part.strip() for part in response.get("Vary", "").split(",")]
    del response["Vary"]  # (a missing header is no error) never on Cookie: see above
    if vary := [part for part in vary if part not in ("", "Cookie")]:
        response["Vary"] = ", ".join(vary)
    return response


def private(response):
    """Nobody but the visitor's browser may keep it, unless it says otherwise."""
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_store=True)
    return response
