"""The search index's table (`portal.search`); part of the `portal` app."""

from django.db import models

from portal.editorial.models import Edition

# The status an entry has in a language its record has no edition in.
ABSENT = Edition.ABSENT.value


class SearchEntry(models.Model):
    """One record's searchable text in one language, as tokens (`portal.search`).

    Derived data: `manage.py rebuild_search_index` recreates it all. The
    record's status and publication time are copied here, and kind, language
    and status are also indexed as tokens (`scope_tokens`), so that a search
    filters, counts and orders by indexes alone; the results are checked
    against the records' own `published().in_language()` before anything is shown.

    `status` is the record's status, or `ABSENT` in a language the record has
    no edition in (its translation never complete, and not published in the
    original language only): searches in that language never match it.
    """

    kind = models.CharField(max_length=10)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=10)
    status = models.CharField(max_length=10)
    published_at = models.DateTimeField(null=True)
    scope_tokens = models.CharField(max_length=100)
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "object_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="portal_searchentry_unique"
            )
        ]
        indexes = [
            # Covers a search's filter, order and result: no table row is read.
            models.Index(
                fields=["kind", "language", "status", "published_at", "object_id"],
                name="portal_search_recent",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"
