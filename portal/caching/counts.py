"""How many records a list holds (and other figures of them), counted once per site
revision.

The news list prints its total ("100,000 articles", "Page 50 of 10,000"):
counting 100,000 rows on every view took 130–200 ms on PostgreSQL and nearly a
second on SQLite (the language-edition rule reads each row's JSON). A count
changes only when the revision does, scheduled publications included.
"""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from portal.caching import revision

COUNT_SECONDS = 24 * 3600  # older revisions' counts are never read again


def count(name, queryset):
    """`queryset.count()`, kept under the revision and `name` (the list and its filters)."""
    return per_revision(f"count:{name}", queryset.count)


def per_revision(name, compute):
    """`compute()`, a figure of the published records (a count, a sitemap's pages),
    kept in the cache under the site revision and `name`."""
    token = revision.current()
    if token is None:
        return compute()
    return cache.get_or_set(f"{name}:{token}", compute, COUNT_SECONDS)


class CountedPaginator(Paginator):
    """A paginator whose total is `count()`, called once when first needed."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._count = count

    @cached_property
    def count(self):
        return self._count()
