"""Publishing a translation over QA errors: one rule for the approve screen
(`pending_admin`), the workbench, the change form (`qa_admin`) and the XLIFF import.

A translation made public at once whose QA checks (`portal.editorial.qa`) find an
error is saved only with a publisher's written reason of at most `REASON_LENGTH`
characters (`needs_reason`). The reason goes in the version's change reason, and
the fields saved over their errors are marked on the record (`mark_override`), so
that the translation memory flags the pairs it takes from them
(`MemoryEntry.over_qa_errors`).
"""

from modeltranslation.utils import build_localized_fieldname

from portal.editorial.qa import has_errors, run_checks
from portal.editorial.translation_state import text_fields
from portal.formatting.i18n import LANGUAGE_CODES

REASON_LENGTH = 1000
_OVERRIDDEN = "_qa_overridden"


def reason_text(reason):
    """The reason as it is kept: without surrounding space."""
    return (reason or "").strip()


def needs_reason(findings, reason):
    """Whether a save whose translations have `findings` (`[Finding]`, or a bool: any
    error) is refused for want of a reason: an error, and `reason` empty or too long."""
    errors = has_errors(findings) if isinstance(findings, list | tuple) else bool(findings)
    return errors and not 0 < len(reason_text(reason)) <= REASON_LENGTH


def error_fields(findings_by_field):
    """The localized field names (`title_en`) of `{name: [Finding]}` with an error."""
    return {name for name, findings in findings_by_field.items() if has_errors(findings)}


def mark_override(record, fields, change_reason):
    """Save `record` next as a version with `change_reason`, its localized `fields`
    published over their QA errors (`overridden`)."""
    record._change_reason = change_reason
    setattr(record, _OVERRIDDEN, frozenset(fields))


def overridden(record, forget=False):
    """The localized fields `record`'s save publishes over QA errors (`mark_override`);
    `forget` clears the mark, once the version is made."""
    fields = getattr(record, _OVERRIDDEN, frozenset())
    if forget and fields:
        delattr(record, _OVERRIDDEN)
    return fields


def fields_with_errors(record):
    """The localized fields of `record` (one with an `original_language`) whose
    translation has QA errors now."""
    source_language = record.original_language
    found = set()
    for name in text_fields(type(record)):
        source = getattr(record, build_localized_fieldname(name, source_language)) or ""
        for language in LANGUAGE_CODES:
            localized = build_localized_fieldname(name, language)
            if language == source_language:
                continue
            target = getattr(record, localized) or ""
            if has_errors(run_checks(source, target, source_language, language)):
                found.add(localized)
    return found
