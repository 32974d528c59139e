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
from django.db.models import Q
from django.db.models.lookups import In
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import analysis, count_jobs
from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.json_text import JsonText
from portal.editorial.models import Translatable
from portal.editorial.record_kinds import is_public, kinds, owner_field
from portal.editorial.translation_state import (
    COMPLETE,
    MISSING,
    STALE,
    field_states,
    picture_states,
    suffix,
)
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.richtext import RichTextField

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
    # {language suffix: {"state": …, "missing": n, "stale": n, "flagged": n}}, and
    # where there is text to translate "count": `analysis.analyse`'s words or characters.
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
            # A record's summary and its parts' (the translation queue's counts).
            models.Index(
                fields=["workbench_type", "workbench_id"], name="portal_summary_workbench"
            ),
            *cell_indexes(),
        ]

    def __str__(self):
        return self.name()

    def name(self):
        """The record's name in the active language."""
        return self.names.get(suffix(translation.get_language() or ""), "") or next(
            iter(self.names.values()), ""
        )


def summarise(record, glossary, allowance=None):
    """The unsaved `TranslationSummary` of `record`, as it is now; a cell to translate
    holds its count (`analysis`, its fuzzy lookups drawn on `allowance`)."""
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
            states = field_states(record, language)
        else:
            states = picture_states(record, original_language, language)
        values = list(states.values())
        state = MISSING if MISSING in values else STALE if STALE in values else COMPLETE
        cells[suffix(language)] = cell = {
            "state": state,
            "missing": values.count(MISSING),
            "stale": values.count(STALE),
            "flagged": flags.get(language, 0),
        }
        if state != COMPLETE:
            texts = originals(record, states, original_language)
            cell["count"] = analysis.analyse(texts, original_language, language, allowance)
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


def originals(record, states, original_language):
    """`[(original text, rich)]` of `record`'s fields in `states` (to translate)."""
    model = type(record)
    return [
        (
            getattr(record, build_localized_fieldname(name, original_language)) or "",
            isinstance(model._meta.get_field(name), RichTextField),
        )
        for name in states
    ]


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


def refresh(record, allowance=None, follow_up=True):
    """Store the summary of `record` and of its parts; the fuzzy lookups `allowance`
    leaves undone are made by a job (`count_jobs`) when `follow_up`."""
    glossary = Glossary()
    allowance = analysis.budget() if allowance is None else allowance
    made = [summarise(record, glossary, allowance)]
    made += [summarise(part, glossary, allowance) for part in _parts(record)]
    store(made)
    if follow_up and any(count_jobs.unchecked(summary) for summary in made):
        count_jobs.queue(made[0])


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
    (a database that predates the summaries, or one restored without them); else the
    summaries of the records with text to translate but no count (made before the
    counts: the few missing or stale, found in the state indexes).

    Here, once every migration has run, rather than in a data migration: today's
    code reads today's models, whose later columns an earlier migration lacks."""
    if not TranslationSummary.objects.exists():
        if any(model._base_manager.exists() for model in kinds()):
            refresh_all()
        return
    refresh_counts(uncounted=True)


def refresh_counts(uncounted=False):
    """The summaries of the records with text to translate in some language (the few
    missing or stale, found in the state indexes), summarised again: their counts
    against the memory as it is now (after a rebuild or an import). `uncounted`:
    only those without a count."""
    condition = Q(pk__in=[])
    for code in LANGUAGE_CODES:
        key = suffix(code)
        behind = Q(In(JsonText("cells", key, "state"), [MISSING, STALE]))
        condition |= behind & ~Q(**{f"cells__{key}__has_key": "count"}) if uncounted else behind
    for content_type, ids in _by_type(TranslationSummary.objects.filter(condition)).items():
        # A few ids a query: SQLite takes at most 32,766 parameters in one.
        for start in range(0, len(ids), BATCH):
            refresh_all(models=[content_type.model_class()], pks=ids[start : start + BATCH])


def _by_type(summaries):
    found = {}
    for type_id, object_id in summaries.values_list("content_type_id", "object_id"):
        found.setdefault(ContentType.objects.get_for_id(type_id), []).append(object_id)
    return found


def refresh_all(batch=BATCH, progress=None, models=None, pks=None):
    """Every record's summary again (of `models`, those of `pks`, if given), `batch`
    records a time (the migration that made them)."""
    glossary = Glossary()
    for model in models or kinds():
        owner = owner_field(model)
        queryset = model._base_manager.order_by("pk")
        if pks is not None:
            queryset = queryset.filter(pk__in=pks)
        if owner is not None:
            queryset = queryset.select_related(owner.name)
        summaries = []
        for record in queryset.iterator(chunk_size=batch):
            summaries.append(summary := summarise(record, glossary))
            if count_jobs.unchecked(summary):
                count_jobs.queue(summary)
            if len(summaries) == batch:
                store(summaries)
                summaries = []
        store(summaries)
        if progress is not None:
            progress(model)
