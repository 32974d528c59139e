"""The page cache's revision (`portal.operations.page_cache`); part of the `portal` app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteRevision(models.Model):
    """One row whose number grows with every change a public page can show.

    Cached pages are filed under it (portal/operations/page_cache.py). It lives in the
    database, not the cache, so that it changes in the same transaction as the
    content, is the same for every worker and server, and is never evicted.
    """

    number = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = _("site revision")

    def __str__(self):
        return str(self.number)
