"""The site revision: a random token moved by every write to a table a public page
reads (seen in the database connection: a save, `.update()`, raw SQL), published on
commit: the writer `set`s it in the cache (a `delete` could be undone by a request
`add`ing the old one), with the next scheduled publication beside it."""

import re
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, connections, transaction
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


def public_models():
    """The portal's models (their m2m tables too) but `PRIVATE` and staff's versions."""
    return [
        model
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label not in PRIVATE and not issubclass(model, HistoricalChanges)
    ]


def watch_writes(connection, **kwargs):  # connection_created: once per connection object
    if _around_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(_around_write)


def _around_write(execute, sql, params, many, context):
    if _state["tables"] is None:
        _state["tables"] = frozenset(model._meta.db_table for model in public_models())
    written = WRITE.match(sql)
    if not written or _state["paused"] or written.group(1) not in _state["tables"]:
        return execute(sql, params, many, context)
    alias, atomic = context["connection"].alias, context["connection"].in_atomic_block
    if atomic:
        bump(alias)  # first, so every writer takes the row's lock first: no deadlock
    result = execute(sql, params, many, context)
    if not atomic:
        bump(alias)  # its own transaction: written, then moved
    return result


def pending(connection):
    """Whether this transaction moved the token (to be published when it commits)."""
    return any(entry[1] is _publish for entry in connection.run_on_commit)


def migrating(signal, **kwargs):  # pre_migrate: its table may not exist yet

    _state["paused"] = signal is pre_migrate
    if not _state["paused"]:
        bump()


def bump(using="default", replacing=None):
    """A new token, published when the transaction commits; with `replacing`, only if
    the token is still that one (one request of many moves it)."""
    fields = {"token": secrets.token_hex(8), "changed_at": timezone.now()}
    revisions = SiteRevision.objects.using(using).filter(pk=1)
    if replacing:
        if not revisions.filter(token=replacing).update(**fields):
            return
    elif not revisions.update(**fields):
        SiteRevision.objects.using(using).update_or_create(pk=1, defaults=fields)
    connections[using].revision_written = (fields["token"], None, fields["changed_at"].timestamp())
    if not pending(connections[using]):
        transaction.on_commit(_publish, using=using)


def _publish():
    known = _from_database()
    if known is not None:
        cache.set(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
        site_changed.send(sender=SiteRevision, token=known[0])


def current():
    """The token pages are filed under, or None (no row yet, or no cache)."""
    return (_known() or (None,))[0]


def lifetime_and_changed():
    """`(seconds to the next scheduled publication or None, last change)`, or None."""
    known = _known()
    return known and (known[1] and max(0, int(known[1] - time.time())), known[2])


def _known():
    if not getattr(cache, "available", True):
        return None
    if pending(connection):  # this transaction's own token: never shared through the cache
        return connection.revision_written
    known = cache.get(REVISION_KEY)
    if known is None or (known[1] and time.time() >= known[1]):  # or a record came out
        known = _from_database()
        if known is not None:
            cache.add(REVISION_KEY, known, settings.PAGE_CACHE_REVISION_SECONDS)
    return known


def _from_database():
    """`(token, next scheduled publication, last change)` (timestamps), or None."""
    try:
        row = SiteRevision.objects.filter(pk=1).values_list("token", "changed_at").first()
        if not row or not row[0]:
            return None
        changed = row[1] or timezone.now()
        upcoming = next_scheduled(after=changed)
        if upcoming is not None and upcoming <= timezone.now():  # came out since: move it
            with transaction.atomic():
                bump(replacing=row[0])
            return _from_database()
    except DatabaseError:
        return None
    return row[0], upcoming and upcoming.timestamp(), changed.timestamp()


def next_scheduled(after=None):
    """The earliest publication time after `after` (now) of what a public page shows."""
    found = [
        model._default_manager.scheduled(after).aggregate(t=Min("published_at"))["t"]
        for model in public_models()
        if isinstance(model._default_manager.all(), PublishableQuerySet)
    ]
    return min((when for when in found if when is not None), default=None)
