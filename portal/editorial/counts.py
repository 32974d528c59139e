"""How many published records a list holds, counted once per site revision.

The news list prints its total ("100,000 articles", "Page 50 of 10,000") and
counting 100,000 rows on every view took 130–200 ms on PostgreSQL and nearly a
second on SQLite (the language-edition rule reads each row's JSON). A count
changes only when a record changes, which moves the site's revision (owned by
`portal.operations.page_cache`, which registers its reader in
`portal.editorial.revision` at start-up), or when a scheduled record's time
comes. So a count is kept in the cache under the revision, with the earliest publication
time still ahead beside it, and counted afresh after that time.

It is as fresh as the pages of the page cache: a change is counted at once by
the process that made it and, where each worker has a memory cache of its own,
by the others within `PAGE_CACHE_REVISION_SECONDS`. Without a revision (none
registered, no row yet) or a cache, every view counts; a count made inside a
transaction is used but not kept (as `portal.editorial.parts` does).
"""

import datetime
import logging

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Min
from django.utils import timezone
from django.utils.functional import cached_property

from portal.editorial import revision as site_revision
from portal.editorial.models import Status

logger = logging.getLogger(__name__)

# Older revisions' counts are never read again; they leave the cache within a day.
KEEP_SECONDS = 24 * 3600
MARGIN_SECONDS = 60


def published_count(model, key, queryset):
    """`queryset().count()` (published records of `model`, filtered as a list
    filters them), kept under the current revision and `key` (which names the list
    and its filters) while no scheduled record has come out. The queryset is built
    only when counted: building one costs more than reading the count kept."""
    return kept_per_revision(f"count:{key}", [model], lambda: queryset().count())


def kept_per_revision(key, models, compute):
    """`compute()`, a figure of the published records of `models`, kept in the cache
    under the current revision and `key` while no scheduled record of theirs has
    come out."""
    try:
        revision = site_revision.current()
        kept = cache.get(f"{key}:{revision}") if revision is not None else None
    except Exception:  # a cache that fails must not take the page down
        logger.exception("Cache unavailable; computing")
        revision = kept = None
    if kept is not None and (kept[1] is None or timezone.now().timestamp() < kept[1]):
        return kept[0]
    value = compute()
    # What a transaction has not committed is never filed under a revision: it may
    # roll back, and its revision number would then be the next real change's.
    if revision is not None and not connection.in_atomic_block:
        upcoming = _next_publication(models)
        try:
            cache.set(
                f"{key}:{revision}",
                (value, upcoming.timestamp() if upcoming else None),
                KEEP_SECONDS,
            )
        except Exception:
            logger.exception("Cache unavailable; %s not kept", key)
    return value


def _next_publication(models):
    """The earliest publication time of `models` from a little before now: a
    queryset's own "now" was taken when it was built, and what came out since is
    not in what it computed."""
    since = timezone.now() - datetime.timedelta(seconds=MARGIN_SECONDS)
    times = [
        model._default_manager.filter(status=Status.PUBLISHED, published_at__gt=since).aggregate(
            next=Min("published_at")
        )["next"]
        for model in models
    ]
    return min((time for time in times if time is not None), default=None)


class CountedPaginator(Paginator):
    """A paginator whose total is `count()`, called once when first needed."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._count = count

    @cached_property
    def count(self):
        return self._count()
