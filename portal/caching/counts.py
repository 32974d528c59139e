"""Figures of the published records (a list's total, the sitemap's pages), computed
once per site revision: counting 100,000 articles on every view of the news list
took 130–200 ms on PostgreSQL and nearly a second on SQLite."""

from django.core.cache import cache

from portal.caching import revision

COUNT_SECONDS = 24 * 3600  # an older revision's figures are never read again


def per_revision(name, compute):
    """`compute()`, kept under the site revision and `name`."""
    token = revision.current()
    if token is None:
        return compute()
    return cache.get_or_set(f"{name}:{token}", compute, COUNT_SECONDS)


def count(name, queryset):
    """`queryset.count()`, kept under the revision and `name` (the list, its filters)."""
    return per_revision(f"count:{name}", queryset.count)
