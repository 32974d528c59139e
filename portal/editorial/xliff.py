"""Exchange with CAT tools: the translation queue out as XLIFF 1.2, translations back in.

`export` writes one unit per translated field (with text in the original) of
every record missing or stale in a language, the current translation as its
target where there is one. `import_file` reads a file back strictly: a unit
whose original changed since the export is refused as stale; units for
records or fields that do not exist are reported; a record with any refused
unit is left exactly as it was. Each record changed gets a version with the
reason "Imported from <file name>" and the importer's name; a record of a kind
the importer may not translate (`rules.can_translate`, as on the workbench) is
refused, and a live record imported by someone who may not publish it gets a
pending change instead, as in the workbench.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import rules
from portal.editorial.matrix import kinds, owner_field
from portal.editorial.models import PendingChange, Translatable
from portal.editorial.pending_admin import waits_for_publisher
from portal.editorial.translation_state import (
    MISSING,
    STALE,
    field_states,
    picture_states,
    suffix,
    text_fields,
)
from portal.editorial.xliff_format import (
    XLIFF_LANGUAGES,
    UnknownTag,
    Xliff12,
    basis,
    html_from,
    parse_html,
    parse_unit_id,
    portal_language,
    rich,
    unit_id,
)
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.richtext import RichTextField, plain_text

BASIS = "basis:"
FILE_NAME = "portal"  # the <file original="…"> of the skeleton


def _original_language(record, owner):
    if isinstance(record, Translatable):
        return record.original_language
    return getattr(record, owner.name).original_language


def _waiting(model, language, owner):
    """The records of `model` missing or stale in `language`, their owner loaded."""
    if issubclass(model, Translatable):
        key = f"translation_states__{suffix(language)}__in"
        queryset = model.objects.filter(**{key: [MISSING, STALE]})
        queryset = queryset.select_related(owner.name) if owner else queryset
        return list(queryset.order_by("pk"))
    queryset = model.objects.select_related(owner.name).order_by("pk")
    return [
        record
        for record in queryset
        if _original_language(record, owner) != language
        and picture_states(record, _original_language(record, owner), language)
    ]


def export(language, model_label=None):
    """`(XLIFF bytes, number of units)` for the work waiting in `language`."""
    source = next(code for code in LANGUAGE_CODES if code != language)
    store = Xliff12(
        sourcelanguage=XLIFF_LANGUAGES[source], targetlanguage=XLIFF_LANGUAGES[language]
    )
    count = 0
    for model in kinds():
        if model_label and model._meta.label_lower != model_label:
            continue
        owner = owner_field(model)
        for record in _waiting(model, language, owner):
            original_language = _original_language(record, owner)
            if original_language == language:
                continue
            states = (
                field_states(record, language)
                if isinstance(record, Translatable)
                else picture_states(record, original_language, language)
            )
            for name in text_fields(model):
                original = getattr(record, build_localized_fieldname(name, original_language))
                if not original:
                    continue
                current = getattr(record, build_localized_fieldname(name, language)) or ""
                is_rich = isinstance(model._meta.get_field(name), RichTextField)
                unit = store.addsourceunit(plain_text(original), filename=FILE_NAME)
                unit.setid(unit_id(record, name))
                unit.rich_source = rich(original) if is_rich else [original]
                if current:
                    unit.rich_target = rich(current) if is_rich else [current]
                unit.addnote(f"{BASIS}{basis(original)}", origin="developer")
                unit.addnote(states.get(name, "complete"), origin="developer")
                count += 1
    return bytes(store), count


@dataclass
class Report:
    applied: list = field(default_factory=list)  # records saved
    held: list = field(default_factory=list)  # records waiting as pending changes
    refused: list = field(default_factory=list)  # (unit id or record, reason)
    untranslated: int = 0

    def lines(self):
        lines = [
            _("%(count)d records updated.") % {"count": len(self.applied)},
            _("%(count)d published records wait for a publisher.") % {"count": len(self.held)},
        ]
        if self.untranslated:
            lines.append(
                _("%(count)d units had no translation and were skipped.")
                % {"count": self.untranslated}
            )
        lines += [f"{where}: {reason}" for where, reason in self.refused]
        return lines


class UnreadableFile(ValueError):
    """The file as a whole cannot be read."""


def _read(data):
    try:
        store = Xliff12.parsestring(data)
    except Exception as error:  # lxml's and translate-toolkit's parse errors alike
        raise UnreadableFile(
            _("This is not an XLIFF file: %(error)s") % {"error": error}
        ) from error
    language = portal_language(store.gettargetlanguage())
    if language is None:
        raise UnreadableFile(_("The file names no target language the portal has (zh-Hans, en)."))
    return store, language


def _units_by_record(store):
    """`({(model label, pk): [(unit id, field, unit), ...]}, [unit ids of no known kind])`."""
    groups, unknown = defaultdict(list), []
    labels = {model._meta.label_lower for model in kinds()}
    for unit in store.getunits():
        identity = unit.xmlelement.get("id")
        parsed = parse_unit_id(identity)
        if parsed is None or parsed[0] not in labels:
            unknown.append(identity)
            continue
        groups[parsed[:2]].append((identity, parsed[2], unit))
    return groups, unknown


def untranslatable_kinds(data, user):
    """The kinds of record (`app.model`) in the file that `user` may not translate."""
    store, _language = _read(data)
    groups, _unknown = _units_by_record(store)
    models = {model._meta.label_lower: model for model in kinds()}
    return sorted({label for label, _pk in groups if not rules.can_translate(user, models[label])})


def import_file(data, filename, user):
    """Apply an XLIFF file's translations as `user`, under their permissions; returns
    a `Report`."""
    store, language = _read(data)
    report = Report()
    groups, unknown = _units_by_record(store)
    report.refused += [(identity, _("no such kind of record")) for identity in unknown]
    models = {model._meta.label_lower: model for model in kinds()}
    for (label, pk), units in groups.items():
        if not rules.can_translate(user, models[label]):
            reason = _("you may not translate this kind of record")
            report.refused += [(identity, reason) for identity, _name, _unit in units]
            continue
        _import_record(models[label], pk, units, language, filename, user, report)
    return report


def _import_record(model, pk, units, language, filename, user, report):
    owner = owner_field(model)
    queryset = model.objects.select_related(owner.name) if owner else model.objects
    record = queryset.filter(pk=pk).first()
    if record is None:
        report.refused += [(identity, _("no such record")) for identity, _name, _unit in units]
        return
    original_language = _original_language(record, owner)
    values, refused = {}, []
    for identity, name, unit in units:
        reason, value = _unit_value(record, name, unit, original_language, language)
        if reason:
            refused.append((identity, reason))
        elif value is None:
            report.untranslated += 1
        else:
            values[build_localized_fieldname(name, language)] = value
    if refused:
        report.refused += refused
        report.refused.append((str(record), _("nothing imported for this record")))
        return
    if values:
        _apply(record, owner, values, filename, user, report)


def _unit_value(record, name, unit, original_language, language):
    """`(refusal, value)` for one unit: a reason it is refused, or its value (None
    when it has no translation)."""
    if name not in text_fields(type(record)):
        return _("no such field"), None
    if original_language == language:
        return _("the record was written in this language"), None
    original = getattr(record, build_localized_fieldname(name, original_language)) or ""
    notes = unit.getnotes("developer").split("\n")
    kept = next((note[len(BASIS) :] for note in notes if note.startswith(BASIS)), None)
    unchanged = kept == basis(original) if kept else unit.source == plain_text(original)
    if not unchanged:
        return _("stale: the original changed since the file was exported"), None
    if not unit.target:
        return None, None
    model_field = type(record)._meta.get_field(build_localized_fieldname(name, language))
    if isinstance(model_field, RichTextField):
        try:
            html = html_from(unit.rich_target, parse_html(original)[1])
        except UnknownTag as error:
            return _("inline tag %(id)s is not in the original") % {"id": error}, None
        return None, model_field.sanitize(html)
    return None, str(unit.target)


def _apply(record, owner, values, filename, user, report):
    parent = getattr(record, owner.name) if owner else None
    if parent is not None and rules.locked_for(user, parent):
        report.refused.append(
            (str(record), _("belongs to a published record: only its publishers change it"))
        )
        return
    for name, value in values.items():
        setattr(record, name, value)
    try:
        record.full_clean()
    except ValidationError as error:
        report.refused.append((str(record), "; ".join(error.messages)))
        return
    with transaction.atomic():
        if parent is None and waits_for_publisher(user, record):
            PendingChange.objects.create(
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                author=user if user.is_authenticated else None,
                values=values,
            )
            report.held.append(record)
            return
        record._change_reason = _("Imported from %(file)s") % {"file": filename}
        record._history_user = user if user.is_authenticated else None
        record.save()
        report.applied.append(record)
