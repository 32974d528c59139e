"""Translation state: for each language, complete, missing or stale (or awaiting approval).

Each record remembers, per language and field, the original's text as it was
when that translation was last written (`translation_basis`). A translation
is stale when the original has changed since; missing when the original has
text and the translation has none. The states are also stored
(`translation_states`) so that changelists can filter by them.

A translation that was complete and no longer is (its original changed) is
still the last whole one, and stays what that language's visitors read
(`portal.editorial.models.edition_of`): `translation_states` notes under
STALE_SINCE since when, per language, until the translation is complete again:

    {"zh_hans": "stale", "en": "complete", "stale_since": {"zh_hans": "2026-12-07"}}
"""

import datetime
import functools

from django.db import models
from django.utils import timezone
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.json_text import JsonText
from portal.formatting.i18n import LANGUAGE_CODES

COMPLETE, MISSING, STALE = "complete", "missing", "stale"
# Shown, never stored: a pending change holds the translation, for a publisher to
# approve (`portal.editorial.pending.awaiting`); the published one keeps its state.
AWAITING = "awaiting"
# The key of `translation_states` holding `{language suffix: ISO date}`: the translations
# that were complete until their original changed on that date.
STALE_SINCE = "stale_since"


def queue_indexes(table):
    """Indexes for a table that grows (articles): per language, the records whose
    translation into it is missing or stale, oldest change first (the queue's
    question, `translation_queue`), found in an index rather than by reading the table."""
    return [
        models.Index(
            JsonText("translation_states", suffix(code)),
            "updated_at",
            "id",
            name=f"{table}_queue_{suffix(code)}",
        )
        for code in LANGUAGE_CODES
    ]


def suffix(language):
    """The key a language has in stored JSON and field names: "zh-hans" → "zh_hans"."""
    return language.replace("-", "_")


def text_fields(model):
    """The model's translated fields by their base names ("title"), or none, in the
    order the model declares them (the name first, then the texts)."""
    if model not in translator.get_registered_models():
        return []
    order = {field.name: index for index, field in enumerate(model._meta.fields)}
    names = translator.get_options_for_model(model).all_fields
    return sorted(names, key=lambda name: (order.get(name, len(order)), name))


def _value(record, field, language):
    return getattr(record, build_localized_fieldname(field, language), None) or ""


def field_states(record, language):
    """`{field: state}` for the translation into `language` (complete fields omitted)."""
    states = {}
    basis = record.translation_basis.get(suffix(language), {})
    for field in text_fields(type(record)):
        original = _value(record, field, record.original_language)
        translated = _value(record, field, language)
        if original and not translated:
            states[field] = MISSING
        elif translated and original and basis.get(field) != original:
            states[field] = STALE
    return states


def language_state(record, language):
    if language == record.original_language:
        return COMPLETE
    states = set(field_states(record, language).values())
    for part in translated_parts(record):
        states.update(picture_states(part, record.original_language, language).values())
    return MISSING if MISSING in states else STALE if STALE in states else COMPLETE


def translated_parts(record):
    """The rows a record's text is made of besides its own fields (a yearly report's
    table): its `translated_parts` relations. A part missing its translation makes
    the record's translation missing too."""
    if record.pk is None:
        return []
    return [part for name in record.translated_parts for part in getattr(record, name).all()]


def stored_states(record, before, marks):
    """What `translation_states` holds after a change: each language's state, and under
    STALE_SINCE each translation not complete now that was complete once: since the date
    in `marks` (the record's so far), or since today when it was complete `before` the
    change (the states then)."""
    states = {suffix(language): language_state(record, language) for language in LANGUAGE_CODES}
    since = {}
    for key, state in states.items():
        if state == COMPLETE:
            continue
        if key in marks:
            since[key] = marks[key]
        elif before.get(key) == COMPLETE:
            since[key] = timezone.localdate().isoformat()
    if since:
        states[STALE_SINCE] = since
    return states


def stale_since(states, language):
    """The date `language`'s translation stopped being complete, or None (see STALE_SINCE)."""
    value = (states or {}).get(STALE_SINCE, {}).get(suffix(language))
    return datetime.date.fromisoformat(value) if value else None


def refresh_states(record, before=None):
    """After one of its parts changed: the record's stored states again (no new version).

    A part saved alone marks no translation stale: a new record's parts come after
    it, and it was not complete in between. Whoever saves a record with its parts as
    one change (the admin) gives the states `before` it, against which it is measured.
    """
    states = stored_states(record, before or {}, record.translation_states.get(STALE_SINCE, {}))
    if states != record.translation_states:
        record.translation_states = states
        type(record).objects.filter(pk=record.pk).update(translation_states=states)


def record_translations(record, loaded):
    """Before a save: note which translations were (re)written against which original.

    A record that exists but was not loaded from the database (an old version
    being restored) brings its own basis, which matches its own texts: kept.
    """
    before = record.translation_states or {}
    if loaded is None and record.pk is not None:
        record.translation_states = stored_states(record, before, before.get(STALE_SINCE, {}))
        return
    for language in LANGUAGE_CODES:
        if language == record.original_language:
            continue
        basis = record.translation_basis.setdefault(suffix(language), {})
        for field in text_fields(type(record)):
            name = build_localized_fieldname(field, language)
            translated = _value(record, field, language)
            if not translated:
                basis.pop(field, None)
            elif loaded is None or translated != (loaded.get(name) or ""):
                basis[field] = _value(record, field, record.original_language)
    record.translation_states = stored_states(record, before, before.get(STALE_SINCE, {}))


@functools.cache
def _localized_names(model):
    return tuple(
        build_localized_fieldname(field, language)
        for field in text_fields(model)
        for language in LANGUAGE_CODES
    )


def loaded_texts(record):
    """The translated texts as loaded from the database, to tell what a save changes.

    Called for every record loaded, so the field names are worked out once per model."""
    values = record.__dict__
    return {name: values.get(name) for name in _localized_names(type(record))}


def picture_states(record, original_language, language):
    """For a record that keeps no translation state (a picture's texts, whose original
    is its owner's): `{field: "missing"}` where the original has text and `language` none."""
    states = {}
    for name in text_fields(type(record)):
        original = getattr(record, build_localized_fieldname(name, original_language)) or ""
        target = getattr(record, build_localized_fieldname(name, language)) or ""
        if original and not target:
            states[name] = MISSING
    return states
