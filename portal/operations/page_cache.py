"""Whole pages for anonymous visitors, served from the cache and never stale.

Every cached page is filed under the site's revision: a number in the database
(`SiteRevision`) that any change to a record a public page shows increases, in
the same transaction as the change. So every worker and every server stops
serving older pages the moment the change commits, with Redis or without it.
Scheduled records need no change to appear: the earliest future publication
time is kept beside the pages of a revision, and the first request after it
moves the revision on.

Signed-in staff never get, and never fill, cached pages; nor do responses that
set cookies, stream, are not 200, or say they must not be kept. If the cache
fails, pages are rendered as if there were none; if the database is down, the
last revision seen still serves the pages already cached (nothing can change
meanwhile).
"""

import hashlib
import logging

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import F, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age

from portal import care

logger = logging.getLogger(__name__)

# Paths that are never pages: the back office, health checks, language and care-mode
# switches, media (served with caching headers of their own).
NEVER = ("/admin/", "/healthz", "/language/", "/care/", "/i18n/", "/media/")
NO_SCHEDULE = "none"
STORED_HEADERS = ("Content-Type", "Last-Modified", "ETag", "Content-Disposition")

# The models whose records public pages show.
WATCHED = (
    "portal.Office",
    "portal.GovernmentMark",
    "portal.SecurityMark",
    "cities.Country",
    "cities.City",
    "cities.CityPhoto",
    "cities.Exchange",
    "news.Category",
    "news.Article",
    "news.LeadImage",
    "office.OfficePage",
    "office.ServiceGuide",
    "office.WebsiteReport",
    "office.ReportRow",
    "office.GuideForm",
)
# The ones that can be scheduled: published, with a publication time ahead.
SCHEDULED = (
    "cities.City",
    "news.Article",
    "office.OfficePage",
    "office.ServiceGuide",
    "office.WebsiteReport",
)

_last_seen = {"revision": None}


def bump(action=None, **kwargs):
    """Move the site's revision on, within the current transaction (once per
    many-to-many change: after it, not also before)."""
    from portal.operations.models import SiteRevision

    if action is not None and action.startswith("pre_"):
        return

    if not SiteRevision.objects.filter(pk=1).update(number=F("number") + 1):
        SiteRevision.objects.get_or_create(pk=1)


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


def current_revision():
    """The revision pages are filed under now (moved on when a scheduled time passed),
    or None when it cannot be known."""
    from portal.operations.models import SiteRevision

    try:
        revision = SiteRevision.objects.values_list("number", flat=True).filter(pk=1).first()
    except DatabaseError:
        return _last_seen["revision"]  # the database is down: nothing can change
    if revision is None:
        return None
    key = f"pages:{revision}:next-change"
    next_change = cache.get(key)
    if next_change is None:
        upcoming = next_scheduled_change()
        next_change = upcoming.timestamp() if upcoming else NO_SCHEDULE
        cache.set(key, next_change, settings.PAGE_CACHE_SECONDS)
    if next_change != NO_SCHEDULE and timezone.now().timestamp() >= next_change:
        bump()
        return current_revision()
    _last_seen["revision"] = revision
    return revision


def release():
    """Changes with every deployment that changes a static file: old pages name old files."""
    return getattr(staticfiles_storage, "manifest_hash", "") or "dev"


class AnonymousPageCacheMiddleware:
    """Place after the authentication and locale middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self.may_serve(request):
            return self.get_response(request)
        try:
            revision = current_revision()
            key = self.key(request, revision) if revision is not None else None
            cached = cache.get(key) if key else None
        except Exception:  # a cache that fails must not take the site down
            logger.exception("Page cache unavailable; rendering the page")
            key = cached = None
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if key and self.may_store(request, response):
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            try:
                cache.set(
                    key,
                    (response.status_code, headers, response.content),
                    settings.PAGE_CACHE_SECONDS,
                )
            except Exception:
                logger.exception("Page cache unavailable; page not stored")
            else:
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
    def key(request, revision):
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        mode = "care" if care.is_on(request) else "standard"
        return f"pages:{revision}:{release()}:{request.LANGUAGE_CODE}:{mode}:{digest}"
