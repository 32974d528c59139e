"""What the completeness matrix shows of each translated record, stored when it is saved.

For every record with translated text (translatable records and the parts that
belong to one: a city's exchanges and photos, an article's lead image, a report's
rows) a `TranslationSummary` holds, per language, its state and how many fields
are missing, stale or lack an official name (`glossary`). A save writes it
(`refresh`, on `post_save`), a delete removes it, a change to the glossary
recomputes those of the records it can affect in the background
(`glossary_refresh`); the matrix page and its CSV only read them, counted and
paged by the database. `refresh_all` writes every one (the migration that made
them, the benchmark's data).

The model belongs to the `portal` app (its `models` module imports it).
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from modeltranslation.translator import translator

from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.json_text import JsonText
from portal.editorial.models import Status, Translatable
from portal.editorial.translation_state import (
    COMPLETE,
    MISSING,
    STALE,
    field_states,
    picture_states,
    suffix,
)
from portal.formatting.i18n import LANGUAGE_CODES

ORIGINAL = "original"
BATCH = 500


def cell_indexes():
    """Per language, the summaries by their state in it: the matrix's filters and totals
    find the few records missing or stale in a language in an index, rather than by
    reading every summary's cells (100,000 at 100,000 articles)."""
    return [
        models.Index(
            JsonText("cells", suffix(code), "state"),
            name=f"portal_summary_state_{suffix(code)}",
        )
        for code in LANGUAGE_CODES
    ]


class TranslationSummary(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    names = models.JSONField(default=dict)  # {language suffix: the record's name in it}
    original_language = models.CharField(max_length=10)
    public = models.BooleanField()
    # The record translated with it in the workbench: itself, or a part's owner.
    workbench_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    workbench_id = models.BigIntegerField()
    # {language suffix: {"state": …, "missing": n, "stale": n, "flagged": n}}
    cells = models.JSONField(default=dict)

    class Meta:
        app_label = "portal"
        ordering = ["content_type_id", "object_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="portal_translationsummary_record"
            ),
        ]
        indexes = [
            models.Index(fields=["public", "content_type"], name="portal_summary_public"),
            *cell_indexes(),
        ]

    def __str__(self):
        return self.name()

    def name(self):
        """The record's name in the active language."""
        return self.names.get(suffix(translation.get_language() or ""), "") or next(
            iter(self.names.values()), ""
        )


def owner_field(model):
    """The foreign key by which a part belongs to a translated record, or None."""
    for model_field in model._meta.fields:
        related = model_field.related_model
        owned = model_field.many_to_one or model_field.one_to_one
        if (
            owned
            and related is not None
            and issubclass(related, Translatable)
            and model_field.remote_field.on_delete is models.CASCADE
        ):
            return model_field
    return None


def kinds():
    """Every model with translated text: translatable records and their parts."""
    found = []
    for model in translator.get_registered_models():
        if model._meta.abstract:
            continue
        if issubclass(model, Translatable) or owner_field(model) is not None:
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label_lower)


def is_public(record, owner):
    """Whether `record` is published: by its own status, or a part (`owner`, its
    `owner_field`) by its owner's; a record with neither is public."""
    if hasattr(record, "status"):
        return record.status == Status.PUBLISHED
    parent = getattr(record, owner.name) if owner is not None else None
    if parent is not None and hasattr(parent, "status"):
        return parent.status == Status.PUBLISHED
    return True


def summarise(record, glossary):
    """The unsaved `TranslationSummary` of `record`, as it is now."""
    owner = None if isinstance(record, Translatable) else owner_field(type(record))
    translated_with = record if owner is None else getattr(record, owner.name)
    original_language = translated_with.original_language
    flags = {}
    for language, _name, lacking in record_warnings(record, glossary, None, original_language):
        flags[language] = flags.get(language, 0) + len(lacking)
    cells = {}
    for language in LANGUAGE_CODES:
        if language == original_language:
            cells[suffix(language)] = {"state": ORIGINAL, "missing": 0, "stale": 0, "flagged": 0}
            continue
        if owner is None:
            values = list(field_states(record, language).values())
        else:
            values = list(picture_states(record, original_language, language).values())
        state = MISSING if MISSING in values else STALE if STALE in values else COMPLETE
        cells[suffix(language)] = {
            "state": state,
            "missing": values.count(MISSING),
            "stale": values.count(STALE),
            "flagged": flags.get(language, 0),
        }
    return TranslationSummary(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        names=_names(record),
        original_language=original_language,
        public=is_public(record, owner),
        workbench_type=ContentType.objects.get_for_model(translated_with),
        workbench_id=translated_with.pk,
        cells=cells,
    )


def _names(record):
    names = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            names[suffix(code)] = str(record)
    return names


def store(summaries):
    """Write `summaries`, replacing the records' earlier ones."""
    TranslationSummary.objects.bulk_create(
        summaries,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=[
            "names",
            "original_language",
            "public",
            "workbench_type",
            "workbench_id",
            "cells",
        ],
    )


def _parts(record):
    """The records of other kinds that belong to `record` (their summary shows its
    state, name and original language)."""
    for model in kinds():
        owner = owner_field(model)
        if owner is not None and owner.related_model is type(record):
            yield from model._base_manager.filter(**{owner.name: record}).select_related(owner.name)


def refresh(record):
    """Store the summary of `record` and of its parts."""
    glossary = Glossary()
    store([summarise(record, glossary), *(summarise(part, glossary) for part in _parts(record))])


@functools.cache
def _kind_set():
    return frozenset(kinds())


def on_save(sender, instance, raw=False, **kwargs):
    if not raw and sender in _kind_set():
        refresh(instance)


def on_delete(sender, instance, **kwargs):
    if sender in _kind_set():
        TranslationSummary.objects.filter(
            content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
        ).delete()


def connect():
    """Keep the summaries current (called once, from the app's `ready`)."""
    post_save.connect(on_save, dispatch_uid="translation-summary-save")
    post_delete.connect(on_delete, dispatch_uid="translation-summary-delete")


def fill_if_empty(**kwargs):
    """After `migrate`: every record's summary, when records exist but no summary does
    (a database that predates the summaries, or one restored without them).

    Here, once every migration has run, rather than in a data migration: today's
    code reads today's models, whose later columns an earlier migration lacks."""
    if TranslationSummary.objects.exists():
        return
    if any(model._base_manager.exists() for model in kinds()):
        refresh_all()


def refresh_all(batch=BATCH, progress=None):
    """Every record's summary again, `batch` records a time (the migration that made
    them)."""
    glossary = Glossary()
    for model in kinds():
        owner = owner_field(model)
        queryset = model._base_manager.order_by("pk")
        if owner is not None:
            queryset = queryset.select_related(owner.name)
        summaries = []
        for record in queryset.iterator(chunk_size=batch):
            summaries.append(summarise(record, glossary))
            if len(summaries) == batch:
                store(summaries)
                summaries = []
        store(summaries)
        if progress is not None:
            progress(model)
