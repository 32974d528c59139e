"""The site revision: a token that changes with every write to a table a public
page reads, in the same transaction as the write.

Writes are seen where they happen, in the database connection (Django's
database instrumentation, `execute_wrapper`): a save, a delete, a queryset's
`.update()` or `bulk_create()`, an import, a migration's data or raw SQL all
move it, and a new model is watched without being listed anywhere. Only the
models in `PRIVATE` (and other apps' tables: sessions, users, sign-in
attempts) leave it as it is.

Requests read the token through the cache (`REVISION_KEY`, for
`settings.PAGE_CACHE_REVISION_SECONDS`), with the next scheduled publication
time beside it. When a change commits, the process that made it writes the new
token into the cache at once and purges the proxy (`portal.caching.proxy`), so
with a shared cache (Redis) every server files pages under it from that moment;
with a memory cache per worker, the others follow within the entry's lifetime.
The first request after a scheduled publication time moves the token on itself.
"""

import logging
import re
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.utils import timezone
from simple_history.models import HistoricalChanges

from portal.caching import proxy
from portal.caching.models import SiteRevision
from portal.editorial.models import PublishableQuerySet

logger = logging.getLogger(__name__)

REVISION_KEY = "site:revision"
WATCHED_APPS = ("portal", "cities", "news", "office")
# Written by staff work or by the cache itself; no public page reads them.
PRIVATE = ("portal.SiteRevision", "portal.PendingChange")
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)', re.I)

_state = {"tables": None, "paused": False}
_latest = {}  # per database: the last token this process wrote, published on commit


def public_models():
    """The models whose records public pages may show: every model of the portal's
    apps, their many-to-many tables included, but `PRIVATE` and the versions kept for
    staff (derived from the code, for the freshness tests too)."""
    return [
        model
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label not in PRIVATE
        and not model._meta.proxy
        and not issubclass(model, HistoricalChanges)
    ]


def _public_tables():
    if _state["tables"] is None:
        _state["tables"] = frozenset(model._meta.db_table for model in public_models())
    return _state["tables"]


def watch_writes(connection, **kwargs):
    """Receiver of `connection_created`: move the revision on after each write to a
    public table made through this connection."""
    connection.execute_wrappers.append(_after_write)


def _after_write(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    written = WRITE.match(sql)
    if written and not _state["paused"] and written.group(1) in _public_tables():
        bump(context["connection"].alias)
    return result


def pause(**kwargs):
    """Receiver of `pre_migrate`: the revision's own table may not exist yet."""
    _state["paused"] = True


def resume(**kwargs):
    """Receiver of `post_migrate`: what the migrations wrote moves the revision."""
    _state["paused"] = False
    bump()


def bump(using="default"):
    """Give the site a new token, within the current transaction; it is published
    (cached, the proxy purged) when that commits."""
    token = secrets.token_hex(8)
    fields = {"token": token, "changed_at": timezone.now()}
    revisions = SiteRevision.objects.using(using)
    if not revisions.filter(pk=1).update(**fields):
        revisions.update_or_create(pk=1, defaults=fields)
    _latest[using] = token
    _forget()  # this process's next read, inside the transaction too, sees the new token
    transaction.on_commit(lambda: _publish(token, using), using=using)


def _publish(token, using):
    """After a commit: the new token for every server at once, and the proxy purged.
    Several writes in one transaction publish once, with the last one's token."""
    if _latest.get(using) != token:
        return
    known = _from_database()
    if known is None:
        return
    try:
        cache.set(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
    except Exception:
        logger.warning("Cache unavailable; the revision is read from the database")
    proxy.purge_everything()


def _forget():
    try:
        cache.delete(REVISION_KEY)
    except Exception:
        logger.warning("Cache unavailable; the revision is read from the database")


def current():
    """The token pages are filed under now, or None when it cannot be known (no row
    yet, or no cache to keep what is filed under it)."""
    if not getattr(cache, "available", True):
        return None
    known = cache.get(REVISION_KEY)
    if known is None:
        known = _from_database()
        if known is None:
            return None
        # `add`, not `set`: a change that committed meanwhile has set a newer one.
        cache.add(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
    token, next_change = known
    if next_change is not None and time.time() >= next_change:
        try:
            with transaction.atomic():
                bump()  # a scheduled record came out: nothing else tells the pages
        except DatabaseError:
            return token
        return current()
    return token


def _from_database():
    """`(token, next scheduled publication as a timestamp, or None)`, or None. A record
    that came out since the token was written (its time passed while nothing asked)
    gives the site a new token first."""
    try:
        row = SiteRevision.objects.filter(pk=1).values_list("token", "changed_at").first()
        if not row or not row[0]:
            return None
        token, changed_at = row
        if changed_at is not None and _came_out_since(changed_at):
            with transaction.atomic():
                bump()
            return _from_database()
        upcoming = next_scheduled()
    except DatabaseError:
        return None
    return token, upcoming.timestamp() if upcoming else None


def _publishable():
    return [
        model
        for model in public_models()
        if isinstance(model._default_manager.all(), PublishableQuerySet)
    ]


def _came_out_since(moment):
    """Whether a record scheduled at `moment` is published now."""
    return any(
        model._default_manager.scheduled(moment).published().exists() for model in _publishable()
    )


def next_scheduled():
    """The earliest publication time still ahead, of any record public pages show."""
    times = [
        model._default_manager.scheduled().aggregate(next=Min("published_at"))["next"]
        for model in _publishable()
    ]
    return min((when for when in times if when is not None), default=None)


def seconds_to_next_change():
    """Seconds until the next scheduled publication (None: none is scheduled), from
    the revision's cache entry: what a proxy may keep a page for at most."""
    known = cache.get(REVISION_KEY) if getattr(cache, "available", True) else None
    if known is None or known[1] is None:
        return None
    return max(0, int(known[1] - time.time()))
