"""What Django's `{% cache %}` tag keys a fragment by, for every template:

    {% cache fragment_seconds "news-filters" site_revision LANGUAGE_CODE state %}

`site_revision` names the site's revision and the deploy id, so a change or a
deployment retires every fragment. Without a revision (no cache, or nothing
written yet) `fragment_seconds` is 0: the fragment is rendered and not kept.
"""

from django.conf import settings

from portal.caching import revision
from portal.caching.deploy import deploy_id


def fragment_keys(request):
    """Context processor: `site_revision` and `fragment_seconds`."""
    token = revision.current() if settings.FRAGMENT_CACHE_SECONDS else None
    if token is None:
        return {"site_revision": "-", "fragment_seconds": 0}
    return {
        "site_revision": f"{token}:{deploy_id()}",
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
