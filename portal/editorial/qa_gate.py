"""Publishing a translation over QA errors: one rule for the approve screen
(`pending_admin`), the workbench, the change form (`qa_admin`) and the XLIFF import.

A translation made public at once whose QA checks (`portal.editorial.qa`) find an
error is saved only with a publisher's written reason of at most `REASON_LENGTH`
characters (`needs_reason`). The reason goes in the version's change reason, and
the fields saved over their errors are marked on the record (`mark_override`), so
that the translation memory flags the pairs it takes from them
(`MemoryEntry.over_qa_errors`).
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import rules
from portal.editorial.models import Status
from portal.editorial.qa import has_errors, run_checks
from portal.editorial.record_kinds import owner_field
from portal.editorial.translation_state import text_fields
from portal.formatting.i18n import LANGUAGE_CODES

REASON_LENGTH = 1000
_OVERRIDDEN = "_qa_overridden"


def reason_text(reason):
    """The reason as it is kept: without surrounding space, nor NUL characters (which
    no text column of PostgreSQL holds)."""
    return (reason or "").replace("\x00", "").strip()


def needs_reason(findings, reason, user=None, record=None):
    """Whether a save whose translations have `findings` (`[Finding]`, or a bool: any
    error) is refused for want of a reason: an error, and `reason` empty or too long,
    or given by a `user` who may not publish `record` (`may_override`)."""
    errors = has_errors(findings) if isinstance(findings, list | tuple) else bool(findings)
    if not errors:
        return False
    if user is not None and record is not None and not may_override(user, record):
        return True
    return not 0 < len(reason_text(reason)) <= REASON_LENGTH


def may_override(user, record):
    """Whether `user` may save `record`'s translation over QA errors: a publisher of
    it, or of its owner for a part (a city's exchange)."""
    owner = owner_field(type(record))
    model = type(record) if owner is None else owner.related_model
    return rules.can_publish(user, model)


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


def translations(record, source_language):
    """`(localized field name, original, translation)` of each translated field of
    `record` in each language but `source_language`."""
    for name in text_fields(type(record)):
        source = getattr(record, build_localized_fieldname(name, source_language)) or ""
        for language in LANGUAGE_CODES:
            if language != source_language:
                localized = build_localized_fieldname(name, language)
                yield localized, language, source, getattr(record, localized) or ""


def fields_with_errors(record):
    """The localized fields of `record` (one with an `original_language`) whose
    translation has QA errors now."""
    language_of = record.original_language
    return {
        localized
        for localized, language, source, target in translations(record, language_of)
        if has_errors(run_checks(source, target, language_of, language))
    }


def published_before(record):
    """Whether `record` (one with a state) is published as saved in the database."""
    if record.pk is None:
        return False
    saved = type(record)._base_manager.filter(pk=record.pk).values_list("status", flat=True)
    return saved.first() == Status.PUBLISHED


def keep_in_owner(record, user):
    """After the save of `record`: a part without versions of its own (a city's stage,
    a picture's texts) saved over QA errors has its reason kept in a new version of
    its owner, since its own save leaves none."""
    link = owner_field(type(record))
    if link is None or hasattr(type(record), "history") or not overridden(record, forget=True):
        return
    owner = getattr(record, link.name)
    owner._change_reason = _("%(part)s “%(name)s”: %(reason)s") % {
        "part": capfirst(type(record)._meta.verbose_name),
        "name": record,
        "reason": record._change_reason,
    }
    owner._history_user = user
    owner.save()


def import_errors(record, owner):
    """`{localized field: [message]}` of the QA errors in the translations a save of
    `record` makes public that takes no reason (a spreadsheet import): none unless
    `owner` (the record, or a part's owner, as it will be saved) is published; of a
    record published before, only the texts the save changes."""
    if getattr(owner, "status", None) != Status.PUBLISHED:
        return {}
    saved = type(record)._base_manager.filter(pk=record.pk).first() if record.pk else None
    was_public = saved is not None and published_before(owner)
    source_language = getattr(record, "original_language", None) or owner.original_language
    found = {}
    for localized, language, source, target in translations(record, source_language):
        if not target or (was_public and (getattr(saved, localized) or "") == target):
            continue
        findings = run_checks(source, target, source_language, language)
        errors = [finding.message for finding in findings if finding.is_error]
        if errors:
            found[localized] = errors
    return found
