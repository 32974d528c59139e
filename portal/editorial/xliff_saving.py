"""Saving what an XLIFF import checked (`portal.editorial.xliff_import`): every change
in one transaction, none if a record changed since it was checked (its row locked from
the check to the commit). A record goes in as a version "Imported from <file>" (over QA
errors a publisher gave a reason for: with the reason, `qa_gate.mark_override`), or
waits as a pending change where the importer may not publish it."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import pending
from portal.editorial.qa_gate import keep_in_owner, mark_override
from portal.editorial.translation_state import text_fields
from portal.formatting.i18n import LANGUAGE_CODES

CHUNK = 500  # records loaded by one query


@dataclass
class Change:
    record: object
    name: str  # the record as it was named before the change
    values: dict
    snapshot: tuple
    hold: bool
    over: set = field(default_factory=set)  # localized fields imported over QA errors


class Changed:
    """What `pending.hold` reads of a form: the fields the import changes."""

    def __init__(self, names):
        self.changed_data = list(names)
        self.cleaned_data = {}


def _snapshot_names(model):
    """The fields whose change since the check would make a change wrong: every
    language's text, and the status (which decides whether it waits)."""
    names = [
        build_localized_fieldname(name, code)
        for name in text_fields(model)
        for code in LANGUAGE_CODES
    ]
    return [*names, "status"] if hasattr(model, "status") else names


def snapshot(record):
    return tuple(getattr(record, name) for name in _snapshot_names(type(record)))


def save(changes, filename, user, report, qa_reason=""):
    """Save every change in one transaction; none if a record changed since it was
    checked (its row locked from the check of it to the commit)."""
    try:
        with transaction.atomic():
            _refuse_changed(changes, report)
            if report.refused:
                return
            for change in changes:
                _save_one(change, filename, user, report, qa_reason)
    except DatabaseError as error:
        report.applied, report.held = [], []
        reason = _("the database refused the changes: %(error)s") % {"error": error}
        report.refused.append((filename, reason))


def _refuse_changed(changes, report):
    by_model = defaultdict(list)
    for change in changes:
        by_model[type(change.record)].append(change)
    for model, model_changes in by_model.items():
        names = _snapshot_names(model)
        for start in range(0, len(model_changes), CHUNK):
            chunk = model_changes[start : start + CHUNK]
            rows = model.objects.select_for_update().filter(pk__in=[c.record.pk for c in chunk])
            now = {row[0]: row[1:] for row in rows.values_list("pk", *names)}
            for change in chunk:
                if now.get(change.record.pk) != change.snapshot:
                    reason = _("changed while the file was being imported: import it again")
                    report.refused.append((change.name, reason))


def _save_one(change, filename, user, report, qa_reason):
    record = change.record
    if change.hold:
        pending.hold(record, Changed(change.values), user)
        report.held.append(record)
        return
    if change.over:
        reason = _("Imported from %(file)s over QA errors: %(reason)s")
        mark_override(record, change.over, reason % {"file": filename, "reason": qa_reason})
    else:
        record._change_reason = _("Imported from %(file)s") % {"file": filename}
    record._history_user = user if user.is_authenticated else None
    record.save()
    keep_in_owner(record, record._history_user)
    report.applied.append(record)
