"""The site revision: a random token moved by every write to a table a public page
reads, in the write's transaction, seen in the database connection (a save,
`.update()`, an import, raw SQL; a new model unlisted). Requests read it through the
cache with the next scheduled publication beside it. On commit the writer `set`s it
there (a `delete` could be undone by a request `add`ing what it read before)."""

import re
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import pre_migrate
from django.dispatch import Signal
from django.utils import timezone
from simple_history.models import HistoricalChanges

from portal.caching.models import SiteRevision
from portal.editorial.models import PublishableQuerySet

REVISION_KEY = "site:revision"
WATCHED_APPS = ("portal", "cities", "news", "office")
PRIVATE = ("portal.SiteRevision", "portal.PendingChange")  # no public page reads them
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)', re.I)
site_changed = Signal()  # sent once a change has committed

_state = {"tables": None, "paused": False}
_latest = {}  # per database: the last token this process wrote


def public_models():
    """The portal's models (their m2m tables too) but `PRIVATE` and staff's versions."""
    return [
        model
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label not in PRIVATE and not issubclass(model, HistoricalChanges)
    ]


def watch_writes(connection, **kwargs):  # connection_created
    connection.execute_wrappers.append(_after_write)


def _after_write(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if _state["tables"] is None:
        _state["tables"] = frozenset(model._meta.db_table for model in public_models())
    written = WRITE.match(sql)
    if written and not _state["paused"] and written.group(1) in _state["tables"]:
        bump(context["connection"].alias)
    return result


def migrating(signal, **kwargs):
    """Paused by pre_migrate (its table may not exist yet), moved by post_migrate."""
    _state["paused"] = signal is pre_migrate
    if not _state["paused"]:
        bump()


def bump(using="default"):
    """A new token, within the current transaction; published when it commits."""
    token = secrets.token_hex(8)
    fields = {"token": token, "changed_at": timezone.now()}
    revisions = SiteRevision.objects.using(using)
    if not revisions.filter(pk=1).update(**fields):
        revisions.update_or_create(pk=1, defaults=fields)
    _latest[using] = token
    cache.delete(REVISION_KEY)  # this process reads the new token, even before the commit
    transaction.on_commit(lambda: _publish(token, using), using=using)


def _publish(token, using):
    if _latest.get(using) != token:
        return  # a later write of the same transaction publishes
    known = _from_database()
    if known is not None:
        cache.set(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
        site_changed.send(sender=SiteRevision, token=known[0])


def current():
    """The token pages are filed under, or None (no row yet, or no cache)."""
    if not getattr(cache, "available", True):
        return None
    known = cache.get(REVISION_KEY)
    if known is not None and known[1] is not None and time.time() >= known[1]:
        cache.delete(REVISION_KEY)  # a scheduled record came out: read (and move) it again
        known = None
    if known is None:
        known = _from_database()
        if known is None:
            return None
        cache.add(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
    return known[0]


def _from_database():
    """`(token, next scheduled publication as a timestamp or None)`, or None; a token
    written before a record came out is moved on first."""
    try:
        row = SiteRevision.objects.filter(pk=1).values_list("token", "changed_at").first()
        if not row or not row[0]:
            return None
        if row[1] is not None and _came_out_since(row[1]):
            with transaction.atomic():
                bump()
            return _from_database()
        upcoming = next_scheduled()
    except DatabaseError:
        return None
    return row[0], upcoming.timestamp() if upcoming else None


def _publishable():
    return [m for m in public_models() if isinstance(m._default_manager.all(), PublishableQuerySet)]


def _came_out_since(moment):
    """Whether a record scheduled after `moment` is published now."""
    return any(m._default_manager.scheduled(moment).published().exists() for m in _publishable())


def next_scheduled():
    """The earliest publication time still ahead, of any record a public page shows."""
    times = [
        m._default_manager.scheduled().aggregate(next=Min("published_at"))["next"]
        for m in _publishable()
    ]
    return min((when for when in times if when is not None), default=None)


def seconds_to_next_change():
    """Seconds to the next scheduled publication, from the cache entry (None: none)."""
    known = cache.get(REVISION_KEY) if getattr(cache, "available", True) else None
    return None if known is None or known[1] is None else max(0, int(known[1] - time.time()))
