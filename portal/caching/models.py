"""The site revision's row (`revision`), a model of the `portal` app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteRevision(models.Model):
    """A random token, not a counter: a restored or other database sharing the cache
    never meets a token it did not write."""

    token = models.CharField(max_length=32, default="")
    changed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("site revision")

    def __str__(self):
        return self.token
