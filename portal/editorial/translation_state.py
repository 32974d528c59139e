"""Translation state: for each language, complete, missing or stale.

Each record remembers, per language and field, the original's text as it was
when that translation was last written (`translation_basis`). A translation
is stale when the original has changed since; missing when the original has
text and the translation has none. The states are also stored
(`translation_states`) so that changelists can filter by them.
"""

import functools

from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.formatting.i18n import LANGUAGE_CODES

COMPLETE, MISSING, STALE = "complete", "missing", "stale"


def suffix(language):
    """The key a language has in stored JSON and field names: "zh-hans" → "zh_hans"."""
    return language.replace("-", "_")


def text_fields(model):
    """The model's translated fields by their base names ("title"), or none."""
    if model not in translator.get_registered_models():
        return []
    return list(translator.get_options_for_model(model).all_fields)


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


def refresh_states(record):
    """After one of its parts changed: the record's stored states again (no new version)."""
    states = {suffix(language): language_state(record, language) for language in LANGUAGE_CODES}
    if states != record.translation_states:
        record.translation_states = states
        type(record).objects.filter(pk=record.pk).update(translation_states=states)


def record_translations(record, loaded):
    """Before a save: note which translations were (re)written against which original.

    A record that exists but was not loaded from the database (an old version
    being restored) brings its own basis, which matches its own texts: kept.
    """
    if loaded is None and record.pk is not None:
        record.translation_states = {
            suffix(language): language_state(record, language) for language in LANGUAGE_CODES
        }
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
    record.translation_states = {
        suffix(language): language_state(record, language) for language in LANGUAGE_CODES
    }


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
