"""`{% cache fragment_seconds "name" site_revision LANGUAGE_CODE ... %}` for every
template: the revision and deploy id, or 0 seconds (rendered, not kept) without one."""

from django.conf import settings

from portal.caching import revision
from portal.caching.deploy import deploy_id


def fragment_keys(request):
    token = revision.current() if settings.FRAGMENT_CACHE_SECONDS else None
    if token is None:
        return {"site_revision": "-", "fragment_seconds": 0}
    return {
        "site_revision": f"{token}:{deploy_id()}",
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
