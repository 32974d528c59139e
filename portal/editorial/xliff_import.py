"""Translations back from a CAT tool: an XLIFF 1.2 file, applied all or nothing.

`import_file` reads the file strictly (`xliff_reading`) and checks every unit
before anything is saved: a unit whose original changed since the export is
refused as stale; units for records or fields that do not exist, of a kind the
importer may not translate (`rules.can_translate`, as on the workbench), or
whose target holds what cannot be taken as it is (an entity, a `<script>`) are
refused, each with its reason. Records are looked up in bulk, a few hundred a
query, so that a file of 200,000 units for records that do not exist is
answered in seconds. One refused unit and nothing of the file is saved.

Otherwise the whole file is saved in one transaction: each record changed gets
a version with the reason "Imported from <file name>" and the importer's name,
and a live record imported by someone who may not publish it gets a pending
change instead (`pending.hold`, as the workbench's save), holding only the
fields whose value the file changes. A target's XLIFF `state` decides nothing:
`final` or `signed-off` is still a proposal for the publisher where the importer
may not publish. A target equal to the current value, or to a proposal already
waiting for a publisher, is no change; an empty one is no translation.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import pending, rules
from portal.editorial.matrix import kinds, owner_field
from portal.editorial.pending_admin import waits_for_publisher
from portal.editorial.translation_state import text_fields
from portal.editorial.xliff import BASIS, original_language, pending_values
from portal.editorial.xliff_format import (
    NAMESPACE,
    UnknownTag,
    basis,
    html_from,
    parse_html,
    parse_unit_id,
)
from portal.editorial.xliff_reading import UnreadableFile, read, target_problem, unit
from portal.editorial.xliff_report import Report
from portal.editorial.xliff_segments import untranslated, unwrap
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.richtext import RichTextField, plain_text

__all__ = ["Report", "UnreadableFile", "import_file", "untranslatable_kinds"]

CHUNK = 500  # records loaded by one query


@dataclass
class _Change:
    record: object
    name: str  # the record as it was named before the change
    values: dict
    snapshot: tuple
    hold: bool


class _Changed:
    """What `pending.hold` reads of a form: the fields the import changes."""

    def __init__(self, names):
        self.changed_data = list(names)
        self.cleaned_data = {}


def _units_by_record(elements):
    """`({(model label, pk): [(unit id, field, element), ...]}, [unit ids of no known kind])`."""
    groups, unknown = defaultdict(list), []
    labels = {model._meta.label_lower for model in kinds()}
    for element in elements:
        identity = element.get("id")
        parsed = parse_unit_id(identity)
        if parsed is None or parsed[0] not in labels:
            unknown.append(identity)
            continue
        groups[parsed[:2]].append((identity, parsed[2], element))
    return groups, unknown


def untranslatable_kinds(data, user):
    """The kinds of record (`app.model`) in the file that `user` may not translate."""
    _language, elements = read(data)
    groups, _unknown = _units_by_record(elements)
    models = {model._meta.label_lower: model for model in kinds()}
    return sorted({label for label, _pk in groups if not rules.can_translate(user, models[label])})


def import_file(data, filename, user, progress=None):
    """Apply an XLIFF file's translations as `user`, under their permissions, all or
    nothing; returns a `Report`. `progress(units checked, units)` is called as the
    check goes on."""
    language, elements = read(data)
    report = Report(units=len(elements))
    groups, unknown = _units_by_record(elements)
    report.refused += [(identity, _("no such kind of record")) for identity in unknown]
    by_model = defaultdict(list)
    for label, pk in groups:
        by_model[label].append(pk)
    models = {model._meta.label_lower: model for model in kinds()}
    changes, checked = [], len(unknown)
    forbidden, missing = _("you may not translate this kind of record"), _("no such record")
    for label, pks in sorted(by_model.items()):
        model = models[label]
        allowed = rules.can_translate(user, model)
        existing = _existing(model, pks) if allowed else []
        for pk in sorted(set(pks).difference(existing)):
            reason = missing if allowed else forbidden
            report.refused += [(identity, reason) for identity, _name, _e in groups[label, pk]]
            checked += len(groups[label, pk])
        for start in range(0, len(existing), CHUNK):
            chunk = existing[start : start + CHUNK]
            found = _load(model, chunk)
            proposed = pending_values(model, chunk)
            for pk in chunk:
                units = groups[label, pk]
                checked += len(units)
                change = _check(found[pk], units, language, user, proposed.get(pk, {}), report)
                if change is not None:
                    changes.append(change)
            if progress:
                progress(checked, report.units)
    if progress:
        progress(checked, report.units)
    if not report.refused:
        _save(changes, filename, user, report)
    return report


def _existing(model, pks):
    """Those of `pks` that are records of `model`, in order: one query over their range,
    which reads the primary key's index only."""
    wanted = set(pks)
    rows = model.objects.filter(pk__range=(min(wanted), max(wanted))).values_list("pk", flat=True)
    return sorted(wanted.intersection(rows.iterator(chunk_size=10_000)))


def _load(model, pks):
    owner = owner_field(model)
    queryset = model.objects.select_related(owner.name) if owner else model.objects.all()
    return queryset.in_bulk(pks)


def _check(record, units, language, user, proposed, report):
    """The change the units make to `record`, or None; refusals go to `report`."""
    owner = owner_field(type(record))
    from_language = original_language(record, owner)
    values, refused = {}, []
    for identity, name, element in units:
        reason, value = _unit_value(record, name, element, from_language, language)
        localized = build_localized_fieldname(name, language)
        if reason:
            refused.append((identity, reason))
        elif value is None:
            report.untranslated += 1
        elif value in (getattr(record, localized) or "", proposed.get(localized)):
            report.unchanged += 1
        else:
            values[localized] = value
    report.refused += refused
    if refused or not values:
        return None
    parent = getattr(record, owner.name) if owner else None
    if parent is not None and rules.locked_for(user, parent):
        reason = _("belongs to a published record: only its publishers change it")
        report.refused.append((str(record), reason))
        return None
    snapshot, before = _snapshot(record), str(record)
    for name, value in values.items():
        setattr(record, name, value)
    try:
        record.full_clean()
    except ValidationError as error:
        report.refused.append((before, "; ".join(error.messages)))
        return None
    hold = parent is None and waits_for_publisher(user, record)
    return _Change(record, before, values, snapshot, hold)


def _unit_value(record, name, element, from_language, language):
    """`(refusal, value)` for one unit: a reason it is refused, or its value (None
    when it has no translation)."""
    if name not in text_fields(type(record)):
        return _("no such field"), None
    if from_language == language:
        return _("the record was written in this language"), None
    original = getattr(record, build_localized_fieldname(name, from_language)) or ""
    target = element.find(f"{{{NAMESPACE}}}target")
    if target is not None:
        if empty := untranslated(target):
            return _(
                "the field is half translated (empty segments: %(segments)s): translate "
                "every segment, or none"
            ) % {"segments": ", ".join(empty)}, None
        unwrap(target, language)  # a segmented target, whole again
    read_unit = unit(element)
    notes = read_unit.getnotes("developer").split("\n")
    kept = next((note[len(BASIS) :] for note in notes if note.startswith(BASIS)), None)
    unchanged = kept == basis(original) if kept else read_unit.source == plain_text(original)
    if not unchanged:
        return _("stale: the original changed since the file was exported"), None
    model_field = type(record)._meta.get_field(build_localized_fieldname(name, language))
    is_rich = isinstance(model_field, RichTextField)
    problem = target_problem(element, is_rich)
    if problem:
        return problem, None
    if not read_unit.target:
        return None, None
    if is_rich:
        try:
            html = html_from(read_unit.rich_target, parse_html(original)[1])
        except UnknownTag as error:
            return _("inline tag %(id)s is not in the original") % {"id": error}, None
        return None, model_field.sanitize(html)
    return None, str(read_unit.target)


def _snapshot_names(model):
    """The fields whose change since the check would make a change wrong: every
    language's text, and the status (which decides whether it waits)."""
    names = [
        build_localized_fieldname(name, code)
        for name in text_fields(model)
        for code in LANGUAGE_CODES
    ]
    return [*names, "status"] if hasattr(model, "status") else names


def _snapshot(record):
    return tuple(getattr(record, name) for name in _snapshot_names(type(record)))


def _save(changes, filename, user, report):
    """Save every change in one transaction; none if a record changed since it was
    checked (its row locked from the check of it to the commit)."""
    try:
        with transaction.atomic():
            _refuse_changed(changes, report)
            if report.refused:
                return
            for change in changes:
                _save_one(change, filename, user, report)
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


def _save_one(change, filename, user, report):
    record = change.record
    if change.hold:
        pending.hold(record, _Changed(change.values), user)
        report.held.append(record)
        return
    record._change_reason = _("Imported from %(file)s") % {"file": filename}
    record._history_user = user if user.is_authenticated else None
    record.save()
    report.applied.append(record)
