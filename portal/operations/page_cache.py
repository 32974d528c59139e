"""Whole pages for anonymous visitors, served from the cache and never stale.

Every cached page is filed under the site's revision: a number in the database
(`SiteRevision`) that any change to a record a public page shows increases, in
the same transaction as the change. The database is the truth; requests read
the revision from the cache (`REVISION_KEY`, with the earliest future
publication time beside it), so a page from the cache costs no database query:

- the process that makes a change drops that entry at once and again when the
  change commits, so its next request reads the new revision;
- with a shared cache (Redis) every worker and server reads that same entry,
  so all of them stop serving older pages the moment the change commits;
- with a memory cache in each worker, another worker's entry lives at most
  `PAGE_CACHE_REVISION_SECONDS` (1 s by default): that is how stale a page
  can be there, and `tests/portal/test_page_cache.py` holds it to that.

Scheduled records need no change to appear: the first request after the
earliest publication time moves the revision on.

The middleware answers before sessions, CSRF, locale and authentication run
(see MIDDLEWARE): a request carrying a session cookie (staff) is never served
from, and never fills, the cache; nor are responses that set cookies, stream,
are not 200, or say they must not be kept. If the cache fails, pages are
rendered as if there were none; if the database is down, the last revision
seen still serves the pages already cached (nothing can change meanwhile).
"""

import hashlib
import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.db.models import F, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation

from portal import care
from portal.editorial import revision as site_revision
from portal.editorial.parts import (
    release,
    restored_response,
    storable_for_everyone,
    stored_response,
)

logger = logging.getLogger(__name__)

# Paths that are never pages: the back office, health checks, language and care-mode
# switches, media (served with caching headers of their own).
NEVER = ("/admin/", "/healthz", "/language/", "/care/", "/i18n/", "/media/")
NO_SCHEDULE = "none"
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Vary",
    "Last-Modified",
    "ETag",
    "Content-Disposition",
    "X-Robots-Tag",
)
REVISION_KEY = "pages:revision"

# The models whose records public pages show.
WATCHED = (
    "portal.Office",
    "portal.GovernmentMark",
    "portal.SecurityMark",
    "cities.Country",
    "cities.City",
    "cities.CityPhoto",
    "cities.Exchange",
    "cities.Stage",
    "cities.Fact",
    "cities.Source",
    "cities.StatedTotal",
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
    forget_revision()
    transaction.on_commit(forget_revision)


def forget_revision():
    """Drop the cached revision, so the next request reads it from the database (and
    this one, which may have moved it, too)."""
    site_revision.forget()
    try:
        cache.delete(REVISION_KEY)
    except Exception:
        logger.exception("Page cache unavailable; revision not dropped")


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
    known = cache.get(REVISION_KEY)
    if known is None:
        known = _revision_from_database()
        if known is None:
            return _last_seen["revision"]
        # `add`, not `set`: a change that committed meanwhile has dropped the
        # entry or set a newer one, and must win over what this request read.
        cache.add(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
    revision, next_change = known
    if next_change != NO_SCHEDULE and timezone.now().timestamp() >= next_change:
        bump()
        return current_revision()
    _last_seen["revision"] = revision
    return revision


def _revision_from_database():
    """`(revision, earliest future publication time)` from the database, or None."""
    from portal.operations.models import SiteRevision

    try:
        revision = SiteRevision.objects.values_list("number", flat=True).filter(pk=1).first()
        if revision is None:
            return None
        upcoming = next_scheduled_change()
    except DatabaseError:
        return None  # the database is down: nothing can change meanwhile
    return revision, upcoming.timestamp() if upcoming else NO_SCHEDULE


class AnonymousPageCacheMiddleware:
    """Place after WhiteNoise and before the session, locale and authentication
    middleware: a page from the cache needs none of them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self.may_serve(request):
            return self.get_response(request)
        try:
            revision = current_revision()
            key = self.key(request, revision) if revision is not None else None
            cached = cache.get(key) if key else None
        except DisallowedHost:
            raise  # not the cache's failure: Django answers 400 and logs it (one line)
        except Exception:  # a cache that fails must not take the site down
            logger.exception("Page cache unavailable; rendering the page")
            key = cached = None
        if cached is not None:
            response = restored_response(cached)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if key and self.may_store(request, response):
            try:
                cache.set(
                    key, stored_response(response, STORED_HEADERS), settings.PAGE_CACHE_SECONDS
                )
            except Exception:
                logger.exception("Page cache unavailable; page not stored")
            else:
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_serve(request):
        """A visitor's GET: without a session cookie nobody is signed in."""
        return (
            request.method == "GET"
            and not request.path.startswith(NEVER)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def may_store(request, response):
        """For everyone (`storable_for_everyone`), and made for nobody in particular."""
        return (
            storable_for_everyone(response)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not getattr(getattr(request, "user", None), "is_authenticated", False)
        )

    @staticmethod
    def key(request, revision):
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        # The language is the address's (the locale middleware has not run yet);
        # addresses without a prefix (the XML sitemap, robots.txt) have one page.
        language = translation.get_language_from_path(request.path_info) or "-"
        mode = "care" if care.is_on(request) else "standard"
        return f"pages:{revision}:{release()}:{language}:{mode}:{digest}"
