"""The purge of the HTTP cache in front (Varnish; a CDN the same way), after a change
commits: every page at once, as the site revision retires every page at once."""

import logging
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)


def purge_everything():
    """Ask the proxy at `settings.PURGE_URL` to drop every page; never raises."""
    if not settings.PURGE_URL:
        return
    request = urllib.request.Request(settings.PURGE_URL, method="BAN")
    try:
        with urllib.request.urlopen(request, timeout=2):
            pass
    except OSError as error:
        logger.warning("Proxy purge at %s failed: %s", settings.PURGE_URL, error)
