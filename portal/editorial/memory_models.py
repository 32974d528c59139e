"""The translation memory's tables: one entry per distinct pair of segments in a
pair of languages, with where it was first approved (`portal.editorial.memory`).

Languages are data (codes in two columns), so a third language adds rows, not
columns. On PostgreSQL, fuzzy lookup uses a trigram index on `source` (pg_trgm,
made by the migration); elsewhere `MemoryGram` lists each entry's n-grams (words,
Chinese character pairs) and `MemoryGramCount` how many entries hold each, so a
lookup reads the postings of the query's rarest n-grams only
(`portal.editorial.memory_lookup`).
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _


def source_key(source_language, target_language, source):
    """The exact-match key of a source segment in a pair of languages."""
    return hashlib.sha256(f"{source_language}\0{target_language}\0{source}".encode()).hexdigest()


def pair_key(source_language, target_language, source, target):
    return hashlib.sha256(
        f"{source_language}\0{target_language}\0{source}\0{target}".encode()
    ).hexdigest()


class MemoryEntry(models.Model):
    source_language = models.CharField(_("source language"), max_length=10)
    target_language = models.CharField(_("target language"), max_length=10)
    source = models.TextField(_("source"))
    target = models.TextField(_("target"))
    source_key = models.CharField(max_length=64, editable=False, db_index=True)
    key = models.CharField(max_length=64, editable=False, unique=True)
    # Where it was approved: a record's field, or an imported file (`note`).
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.BigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    # From a TMX file: `memory rebuild` keeps it (it remakes only the pairs it made).
    imported = models.BooleanField(_("imported"), default=False)
    # Published over QA errors, with a publisher's reason (`portal.editorial.qa_gate`):
    # offered below a clean match of the same percentage.
    over_qa_errors = models.BooleanField(
        _("approved over QA errors"), default=False, db_default=False
    )
    approved_at = models.DateTimeField(_("approved"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )

    class Meta:
        ordering = ["-approved_at", "pk"]
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory")
        indexes = [models.Index(fields=["content_type", "object_id"], name="portal_memory_record")]

    def __str__(self):
        return f"{self.source[:60]} → {self.target[:60]}"

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self):
        languages = (self.source_language, self.target_language)
        self.source_key = source_key(*languages, self.source)
        self.key = pair_key(*languages, self.source, self.target)
        return self

    @property
    def field_label(self):
        """The field it was approved in, named as the admin names it ("title" →
        "标题" in Chinese); the stored name when its model or field is gone."""
        model = self.content_type.model_class() if self.content_type_id else None
        if model is None:
            return self.field
        try:
            return model._meta.get_field(self.field).verbose_name
        except FieldDoesNotExist:
            return self.field


class MemoryGram(models.Model):
    """One n-gram of an entry's source (SQLite and other databases without pg_trgm)."""

    gram = models.CharField(max_length=40)
    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["gram", "entry"], name="portal_memorygram_gram")]

    def __str__(self):
        return self.gram


class MemoryGramCount(models.Model):
    """How many entries held an n-gram when they were added (never lowered: it only
    ranks n-grams by rarity)."""

    gram = models.CharField(max_length=40, primary_key=True)
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["gram"]

    def __str__(self):
        return self.gram
