"""What is kept per revision and deployment besides pages: figures (a list's total,
the sitemap's pages: counting 100,000 articles per view took 130–200 ms on
PostgreSQL, 1 s on SQLite) and the keys of the `{% cache %}` tag's fragments."""

from django.conf import settings
from django.core.cache import cache

from portal.caching import revision
from portal.caching.deploy import deploy_id

COUNT_SECONDS = 24 * 3600  # an older revision's figures are never read again


def per_revision(name, compute):
    """`compute()`, kept under the site revision and `name`."""
    token = revision.current()
    if token is None:
        return compute()
    return cache.get_or_set(f"{name}:{token}:{deploy_id()}", compute, COUNT_SECONDS)


def count(name, queryset):
    """`queryset.count()`, kept under the revision and `name` (the list, its filters)."""
    return per_revision(f"count:{name}", queryset.count)


def fragment_keys(request):
    """Context processor for `{% cache fragment_seconds "name" site_revision … %}`: the
    request's revision (read before the view) and deploy id, or 0 s (not kept)."""
    token = getattr(request, "site_revision", None) or revision.current()
    if not token or not settings.FRAGMENT_CACHE_SECONDS or request.path.startswith("/admin/"):
        return {"site_revision": "-", "fragment_seconds": 0}
    return {
        "site_revision": f"{token}:{deploy_id()}",
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
