"""Whole pages for anonymous visitors, served from the cache and never stale.

Every cached page is filed under the current *generation*. A change to any
record a public page shows bumps the generation once its transaction commits,
so every server (sharing Redis) stops serving older pages at once. Scheduled
records need no change to appear: the earliest future publication time is kept
beside the generation, and the first request after it bumps the generation.

Signed-in staff never get, and never fill, cached pages; nor do responses that
set cookies, stream, are not 200, or say they must not be kept.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age

# Paths that are never pages: the back office, health checks, language switches,
# media (served with caching headers of their own).
NEVER = ("/admin/", "/healthz", "/language/", "/i18n/", "/media/")
GENERATION = "pages:generation"
NEXT_CHANGE = "pages:next-change"
NO_SCHEDULE = "none"  # stored when nothing is scheduled (None means "not computed")
STORED_HEADERS = ("Content-Type", "Last-Modified", "ETag", "Content-Disposition")

# The models whose records public pages show.
WATCHED = (
    "portal.Office",
    "cities.Country",
    "cities.City",
    "cities.CityPhoto",
    "cities.Exchange",
    "news.Category",
    "news.Article",
    "news.LeadImage",
)
# The ones that can be scheduled: published, with a publication time ahead.
SCHEDULED = ("cities.City", "news.Article")


def bump(**kwargs):
    """Retire every cached page: now, and again once the transaction commits
    (a page rendered in between, from the data before the commit, is retired)."""
    _bump()
    transaction.on_commit(_bump)


def _bump():
    if cache.add(GENERATION, 1, timeout=None):
        return
    try:
        cache.incr(GENERATION)
    except ValueError:  # evicted between add and incr
        cache.add(GENERATION, 1, timeout=None)
    cache.delete(NEXT_CHANGE)


def watch_content():
    """Connect `bump` to every change of a watched model (from AppConfig.ready)."""
    for label in WATCHED:
        model = apps.get_model(label)
        post_save.connect(bump, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"page-cache-delete-{label}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump, sender=through, dispatch_uid=f"page-cache-m2m-{through}")


def next_scheduled_change():
    """The earliest publication time still ahead, or None."""
    now = timezone.now()
    times = [
        apps.get_model(label)
        .objects.filter(status="published", published_at__gt=now)
        .aggregate(next=Min("published_at"))["next"]
        for label in SCHEDULED
    ]
    times = [time for time in times if time is not None]
    return min(times) if times else None


def current_generation():
    """The generation pages are filed under now; bumps it when a scheduled time passed."""
    state = cache.get_many([GENERATION, NEXT_CHANGE])
    generation = state.get(GENERATION)
    if generation is None:
        cache.add(GENERATION, 1, timeout=None)
        generation = cache.get(GENERATION, 1)
    next_change = state.get(NEXT_CHANGE)
    if next_change is None:
        try:
            upcoming = next_scheduled_change()
        except DatabaseError:
            return generation  # the database is down: cached pages still serve
        cache.set(NEXT_CHANGE, upcoming.timestamp() if upcoming else NO_SCHEDULE, timeout=None)
    elif next_change != NO_SCHEDULE and timezone.now().timestamp() >= next_change:
        _bump()
        return current_generation()
    return generation


class AnonymousPageCacheMiddleware:
    """Place after the authentication and locale middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self.may_serve(request):
            return self.get_response(request)
        key = self.key(request, current_generation())
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.may_store(request, response):
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            cache.set(
                key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_serve(request):
        return (
            request.method == "GET"
            and not request.path.startswith(NEVER)
            and not request.user.is_authenticated
        )

    @staticmethod
    def may_store(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.user.is_authenticated
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
            and get_max_age(response) != 0
        )

    @staticmethod
    def key(request, generation):
        address = hashlib.sha256(
            f"{request.get_host()}{request.get_full_path()}".encode()
        ).hexdigest()
        return f"pages:{generation}:{request.LANGUAGE_CODE}:{address}"
