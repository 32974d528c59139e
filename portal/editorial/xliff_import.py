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

Each changed target goes through the QA checks (`portal.editorial.qa`), as a
forbidden official name goes through the record's validation: a QA error refuses
its unit (a missing or changed figure, date, link or tag), with the check's
message, unless the importer may publish the record and gave a reason
(`qa_gate.needs_reason`): then the unit is imported over it, the reason kept in
the version (`xliff_saving`). A QA warning is reported and the unit is imported.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import rules
from portal.editorial.matrix import kinds, owner_field
from portal.editorial.memory import publishing_model
from portal.editorial.pending_admin import waits_for_publisher
from portal.editorial.qa import run_checks
from portal.editorial.qa_gate import needs_reason, reason_text
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
from portal.editorial.xliff_saving import CHUNK, Change, save, snapshot
from portal.editorial.xliff_segments import untranslated, unwrap
from portal.formatting.richtext import RichTextField, plain_text

__all__ = ["Report", "UnreadableFile", "import_file", "untranslatable_kinds"]


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


def import_file(data, filename, user, progress=None, qa_reason=""):
    """Apply an XLIFF file's translations as `user`, under their permissions, all or
    nothing; returns a `Report`. `progress(units checked, units)` is called as the
    check goes on. `qa_reason`: a publisher's reason for importing over QA errors."""
    qa_reason = reason_text(qa_reason)
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
        publisher = rules.can_publish(user, publishing_model(model))
        gate = (publisher, publisher and not needs_reason(True, qa_reason))
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
                waiting = proposed.get(pk, {})
                change = _check(found[pk], units, language, user, waiting, report, gate)
                if change is not None:
                    changes.append(change)
            if progress:
                progress(checked, report.units)
    if progress:
        progress(checked, report.units)
    if not report.refused:
        save(changes, filename, user, report, qa_reason)
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


def _check(record, units, language, user, proposed, report, gate):
    """The change the units make to `record`, or None; refusals go to `report`.
    `gate`: (whether `user` publishes the record, whether with a reason to import over
    QA errors)."""
    owner = owner_field(type(record))
    from_language = original_language(record, owner)
    values, refused, over = {}, [], set()
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
            original = getattr(record, build_localized_fieldname(name, from_language)) or ""
            findings = run_checks(original, value, from_language, language)
            errors = [(identity, f.message) for f in findings if f.is_error]
            if errors and gate[1]:
                over.add(localized)
                report.overridden += errors
            else:
                refused += errors
                report.reason_would_help |= bool(errors) and gate[0]
            report.warnings += [(identity, f.message) for f in findings if not f.is_error]
    report.refused += refused
    if refused or not values:
        return None
    parent = getattr(record, owner.name) if owner else None
    if parent is not None and rules.locked_for(user, parent):
        reason = _("belongs to a published record: only its publishers change it")
        report.refused.append((str(record), reason))
        return None
    kept, before = snapshot(record), str(record)
    for name, value in values.items():
        setattr(record, name, value)
    try:
        record.full_clean()
    except ValidationError as error:
        report.refused.append((before, "; ".join(error.messages)))
        return None
    hold = parent is None and waits_for_publisher(user, record)
    return Change(record, before, values, kept, hold, over)


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
