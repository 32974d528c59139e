"""The records' shared behaviour: publication, timestamps, translation, pending changes.

The visibility rules are written here (`PublishableQuerySet.published`, and
per language `PublishableQuerySet.in_language` / `Publishable.edition`), and
every view, feed, sitemap and template asks them. Search alone mirrors it in SQL
over its own index, for speed, and then fetches its results through
`published().in_language()`, so a mismatch can hide a result but never show a hidden one.

These models belong to the `portal` app (its `models` module imports them).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import glossary, translation_state
from portal.formatting.i18n import LANGUAGE_CODES


class Edition(models.TextChoices):
    """What a visitor of one language gets of a published record (`Publishable.edition`)."""

    # Whole in that language (the original language always is).
    COMPLETE = "complete", _("complete")
    # Whole once, and its original changed since: the last whole translation, with a
    # dated notice that the original was updated; listed and indexed like a whole one.
    STALE = "stale", _("previous translation")
    # Never whole, but a publisher chose to publish it in its original language only:
    # listed, marked, with a notice; not indexed in that language.
    ORIGINAL_ONLY = "original_only", _("original language only")
    # Never whole and not chosen: left out of that language's pages.
    ABSENT = "absent", _("not yet available")

    @property
    def indexed(self):
        """Offered to search engines in its language (sitemap, `hreflang`, no noindex)."""
        return self in (Edition.COMPLETE, Edition.STALE)


def edition_of(language, original_language, translation_states, original_only):
    """The rule of `PublishableQuerySet.in_language` for one record's values (a
    sitemap reads them as rows)."""
    if language == original_language:
        return Edition.COMPLETE
    states = translation_states or {}
    key = translation_state.suffix(language)
    if states.get(key) == translation_state.COMPLETE:
        return Edition.COMPLETE
    if key in states.get(translation_state.STALE_SINCE, {}):
        return Edition.STALE
    return Edition.ORIGINAL_ONLY if original_only else Edition.ABSENT


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# What a link to a published record needs: its address, whether it is live and
# which editions it has.
LINK_FIELDS = (
    "slug",
    "status",
    "published_at",
    "original_language",
    "translation_states",
    "original_only",
)


def fields_for(*translated, plain=(), via=""):
    """Field names for `.only()`: the translated fields `translated` in every language,
    and `plain` as they are, through the relation `via` ("city__") when given. Loading
    only what a list shows saves most of the cost of wide rows (compiling the columns,
    building the records); a field left out is read with a query of its own, which the
    query-count tests catch."""
    names = [*plain]
    for field in translated:
        names += [field, *(build_localized_fieldname(field, code) for code in LANGUAGE_CODES)]
    return [f"{via}{name}" for name in names]


class PublishableQuerySet(models.QuerySet):
    # Long texts a list or card never shows; loading them costs more than the query.
    long_texts = ()

    def published(self, now=None):
        """What a visitor may see now (or at `now`): published, and its time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Published with a time still ahead: what comes out later by itself."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=now or timezone.now())

    def in_language(self, language):
        """The records with an edition in `language`: complete in it (the original
        language always is), complete once and stale since (`Edition.STALE`), or
        published in the original language only by a publisher's choice. Chained after
        `published()` it is what a visitor of `language` may find in lists, feeds,
        search, sitemaps and related blocks."""
        key = translation_state.suffix(language)
        return self.filter(
            models.Q(original_language=language)
            | models.Q(**{f"translation_states__{key}": translation_state.COMPLETE})
            | models.Q(**{f"translation_states__{translation_state.STALE_SINCE}__has_key": key})
            | models.Q(original_only=True)
        )

    def for_lists(self):
        """Without the long texts (in every language) and the translators' bookkeeping."""
        names = [
            name
            for field in self.long_texts
            for name in (
                field,
                *(build_localized_fieldname(field, code) for code in LANGUAGE_CODES),
            )
        ]
        return self.defer(*names, "translation_basis")


class Publishable(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Left blank, it is set when the record is published. A future time schedules it."
        ),
    )

    original_only = models.BooleanField(
        _("publish in the original language only"),
        default=False,
        help_text=_(
            "Until its translation is complete, visitors of the other language find it "
            "marked as available in the original language only, with a notice. Otherwise "
            "an incomplete translation keeps it off the other language's pages."
        ),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_time",
                violation_error_message=_("A published record needs a publication time."),
            ),
        ]

    def save(self, *args, **kwargs):
        self._stamp_publication()
        super().save(*args, **kwargs)

    def clean(self):
        # Before the constraints are checked: publishing without a time means now.
        self._stamp_publication()
        super().clean()

    def _stamp_publication(self):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def edition(self, language):
        """`Edition` for visitors of `language` (the record itself must be published):
        the same rule as `PublishableQuerySet.in_language`, for one record."""
        return edition_of(
            language, self.original_language, self.translation_states, self.original_only
        )

    def editions(self):
        """`{language: Edition}` for every language."""
        return {code: self.edition(code) for code in LANGUAGE_CODES}

    @property
    def is_live(self):
        """True when a visitor may see this record now."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Translatable(models.Model):
    """A record written in one language and translated into the other.

    `required_translations` names the translated fields the original language
    must fill; the other language may lag behind and falls back meanwhile.
    """

    required_translations = ()
    # Reverse relations whose rows are part of the text (`translation_state.translated_parts`).
    translated_parts = ()

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language this record was written in; the other is its translation."),
    )
    translation_basis = models.JSONField(default=dict, blank=True, editable=False)
    translation_states = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        translation_state.record_translations(self, getattr(self, "_loaded_texts", None))
        super().save(*args, **kwargs)
        self._loaded_texts = translation_state.loaded_texts(self)

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._loaded_texts = translation_state.loaded_texts(record)
        return record

    def translation_status(self):
        """`{"zh-hans": state, "en": state}`, each "complete", "missing" or "stale"."""
        return {
            language: translation_state.language_state(self, language)
            for language in translation_state.LANGUAGE_CODES
        }

    def clean(self):
        super().clean()
        errors = {}
        for name in self.required_translations:
            localized = build_localized_fieldname(name, self.original_language)
            if not getattr(self, localized, None):
                errors[localized] = _("Required in the original language.")
        if errors:
            raise ValidationError(errors)
        glossary.forbidden_errors(self)


class PendingChange(models.Model):
    """Changes to a published record by someone who may not publish: they wait here,
    and the published version stays as it is, until a publisher applies them.

    One per author and record: a later proposal replaces the author's earlier values
    field by field (`portal.editorial.pending.propose`), so two values for one field
    never wait side by side. `values` holds only what differs from the published record.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.BigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    values = models.JSONField(default=dict)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "author"],
                name="portal_pendingchange_one_per_author",
                violation_error_message=_("This person already has changes waiting here."),
            ),
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id} ({self.author})"
