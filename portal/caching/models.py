"""The site revision's row; part of the `portal` app (imported by `portal.models`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteRevision(models.Model):
    """One row whose token changes with every write to a table a public page reads.

    Cached pages, fragments and counts are filed under it (`portal.caching`). It
    lives in the database, so that it changes in the same transaction as the
    content and is the same for every worker and server. The token is random, not
    a counter: a database restored from a backup, or another database sharing the
    cache, never meets a token it did not write itself.
    """

    token = models.CharField(max_length=32, default="")
    changed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("site revision")

    def __str__(self):
        return self.token
