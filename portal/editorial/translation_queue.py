"""The translators' work queue: every record whose translation is missing or stale,
marked where a translation awaits a publisher's approval."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models.lookups import In
from django.urls import reverse
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import pending
from portal.editorial.analysis import tallies
from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.json_text import JsonText
from portal.editorial.models import Translatable
from portal.editorial.summaries import TranslationSummary
from portal.editorial.translation_state import AWAITING, MISSING, STALE, field_states, suffix
from portal.formatting.diffs import word_diff
from portal.formatting.i18n import enumeration
from portal.formatting.richtext import plain_text


@dataclass
class StaleField:
    name: str
    label: str
    old: str
    new: str

    def diff(self):
        """(old, new) as HTML with what was removed and added marked."""
        return word_diff(self.old, self.new)


@dataclass
class QueueItem:
    record: object
    state: str
    language: str
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    # (field label, [official names the translation lacks])
    names: list = field(default_factory=list)
    # What is left to translate, with its parts' (`analysis.Tally`, one per unit).
    counts: list = field(default_factory=list)

    @property
    def model_name(self):
        return self.record._meta.verbose_name

    @property
    def missing_list(self):
        """The missing fields as a sentence lists them ("导语、正文")."""
        return enumeration(self.missing)

    @property
    def change_url(self):
        opts = self.record._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk])

    @property
    def workbench_url(self):
        label = self.record._meta.label_lower
        return reverse("translation_workbench", args=[label, self.record.pk, self.language])

    @property
    def changed(self):
        return self.record.updated_at


def translatable_models():
    """The models whose records track their translation state (all of them
    `Timestamped`; pictures are not: their alt text is required in both
    languages before publication instead)."""
    return [
        model
        for model in translator.get_registered_models()
        if issubclass(model, Translatable) and not model._meta.abstract
    ]


def has_work(language):
    """Whether any record waits for a translation into `language` (one indexed
    query per kind of record at most)."""
    return any(_waiting(model, language).exists() for model in translatable_models())


def _waiting(model, language):
    """`model`'s records missing or stale in `language`, oldest change first, each
    marked `awaiting_<language>` when a translation waits for a publisher."""
    state = JsonText("translation_states", suffix(language))  # as `queue_indexes` index it
    waiting = pending.with_awaiting(model.objects.filter(In(state, [MISSING, STALE])))
    return waiting.order_by("updated_at", "pk")


def queue(language, limit=None):
    """Records needing work in `language`, oldest change first (at most `limit`): missing
    or stale, or awaiting a publisher's approval of their translation."""
    records = []
    for model in translatable_models():
        records += list(_waiting(model, language)[:limit])
    records.sort(key=lambda record: (record.updated_at, record.pk))
    # Only the records shown are looked into (their stale fields, official names).
    glossary = Glossary()
    items = [_item(record, type(record), language, glossary) for record in records[:limit]]
    _add_counts(items, language)
    return items


def _add_counts(items, language):
    """Each item's counts: its record's and its parts' (translated with it on the
    workbench), from their stored summaries, one query per kind of record."""
    by_model = {}
    for item in items:
        by_model.setdefault(type(item.record), {})[item.record.pk] = item
    for model, by_pk in by_model.items():
        stored = TranslationSummary.objects.filter(
            workbench_type=ContentType.objects.get_for_model(model), workbench_id__in=by_pk
        )
        counts = {}
        for pk, cells in stored.values_list("workbench_id", "cells"):
            counts.setdefault(pk, []).append(cells.get(suffix(language), {}).get("count"))
        for pk, item in by_pk.items():
            item.counts = tallies(counts.get(pk, []))


def _item(record, model, language, glossary):
    state = record.translation_states.get(suffix(language))
    if pending.is_awaiting(record, language):
        state = AWAITING
    item = QueueItem(record, state, language)
    basis = record.translation_basis.get(suffix(language), {})
    original = record.original_language
    for name, field_state in field_states(record, language).items():
        label = model._meta.get_field(name).verbose_name
        if field_state == MISSING:
            item.missing.append(label)
            continue
        current = getattr(record, build_localized_fieldname(name, original)) or ""
        old = basis.get(name) or ""
        item.stale.append(StaleField(name, label, plain_text(old), plain_text(current)))
    for _language, name, lacking in record_warnings(record, glossary, [language]):
        item.names.append((model._meta.get_field(name).verbose_name, lacking))
    return item


def next_to_do(language, after):
    """The record first in `language`'s queue with something left to do (not awaiting
    approval) other than `after` (just saved, perhaps waiting now) if given, or None."""
    found = []
    for model in translatable_models():
        waiting = _waiting(model, language).filter(**{f"awaiting_{suffix(language)}": False})
        if after is not None and model is type(after):
            waiting = waiting.exclude(pk=after.pk)
        found += list(waiting.only("pk", "updated_at")[:1])
    return min(found, key=lambda record: (record.updated_at, record.pk), default=None)
