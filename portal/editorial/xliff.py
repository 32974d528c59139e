"""Exchange with CAT tools: the translation queue out as XLIFF 1.2 (the import is
`portal.editorial.xliff_import`).

`export` writes one unit per translated field (with text in the original) of
every record missing or stale in a language, or of every record (`everything`:
complete units too, so that an office can build its translation memory from the
site). Each unit's target carries an XLIFF 1.2 `state`:

- `new`: no translation yet (an empty target);
- `needs-review-translation`: a change waiting for a publisher's approval (a
  pending change; the target is its proposed value), or a stale translation
  (the original changed since it was written; the target is the translation
  visitors still read, to be reviewed against the new original);
- `translated`: current, in a record that is not published (no publisher has
  approved it yet);
- `final`: current and published (its trans-unit is `approved="yes"`).

A note from the developer says which of the portal's states it is (`missing`,
`pending`, `stale`, `complete`), and another holds a fingerprint of the original
(`basis:`), by which the import recognises a unit whose original changed since.
A field of more than one sentence is segmented (`portal.editorial.xliff_segments`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.lookups import In
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.json_text import JsonText
from portal.editorial.matrix import kinds, owner_field
from portal.editorial.memory_xliff import AltTrans
from portal.editorial.models import PendingChange, Status, Translatable
from portal.editorial.translation_state import (
    MISSING,
    STALE,
    field_states,
    picture_states,
    suffix,
    text_fields,
)
from portal.editorial.xliff_format import Xliff12, basis, parse_html, rich, unit_id
from portal.editorial.xliff_segments import segment_unit
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.language_tags import canonical
from portal.formatting.richtext import RichTextField, plain_text

BASIS = "basis:"
FILE_NAME = "portal"  # the <file original="…"> of the skeleton
PENDING = "pending"
# XLIFF 1.2's values of <target state="…">.
NEW, TRANSLATED, NEEDS_REVIEW, FINAL = "new", "translated", "needs-review-translation", "final"


def original_language(record, owner):
    if isinstance(record, Translatable):
        return record.original_language
    return getattr(record, owner.name).original_language


def _published(record, owner):
    """Whether visitors read the record (a picture: its owner); reference data always."""
    holder = record
    if owner and not isinstance(record, Translatable):
        holder = getattr(record, owner.name)
    return getattr(holder, "status", Status.PUBLISHED) == Status.PUBLISHED


def _records(model, language, owner, everything):
    """The records of `model` to export into `language`, their owner loaded."""
    queryset = model.objects.order_by("pk")
    queryset = queryset.select_related(owner.name) if owner else queryset
    if everything:
        return queryset.iterator(chunk_size=2000)
    if issubclass(model, Translatable):
        state = JsonText("translation_states", suffix(language))
        return queryset.filter(In(state, [MISSING, STALE])).iterator(chunk_size=2000)
    return (
        record
        for record in queryset.iterator(chunk_size=2000)
        if original_language(record, owner) != language
        and picture_states(record, original_language(record, owner), language)
    )


def pending_values(model, pks=None):
    """`{pk: {field name: proposed value}}` of the changes to records of `model` (those
    of `pks`) waiting for a publisher; the newest proposal of a field wins."""
    found = {}
    changes = PendingChange.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if pks is not None:
        changes = changes.filter(object_id__in=pks)
    for pk, values in changes.order_by("created_at", "pk").values_list("object_id", "values"):
        found.setdefault(pk, {}).update(values)
    return found


def _set_state(unit, state):
    target = unit.xmlelement.find(f"{{{unit.namespace}}}target")
    target.set("state", state)
    if state == FINAL:
        unit.xmlelement.set("approved", "yes")
    else:
        unit.xmlelement.attrib.pop("approved", None)


def export(language, model_label=None, everything=False):
    """`(XLIFF bytes, number of units)` for the work waiting in `language`, or for
    every record (`everything`)."""
    source = next(code for code in LANGUAGE_CODES if code != language)
    store = Xliff12(sourcelanguage=canonical(source), targetlanguage=canonical(language))
    count = 0
    alt_trans = AltTrans()
    for model in kinds():
        if model_label and model._meta.label_lower != model_label:
            continue
        owner = owner_field(model)
        pending = pending_values(model)
        for record in _records(model, language, owner, everything):
            proposed = pending.get(record.pk, {})
            count += _add_units(store, record, owner, language, proposed, alt_trans)
    return bytes(store), count


def _add_units(store, record, owner, language, proposed, alt_trans):
    model = type(record)
    from_language = original_language(record, owner)
    if from_language == language:
        return 0
    states = (
        field_states(record, language)
        if isinstance(record, Translatable)
        else picture_states(record, from_language, language)
    )
    count = 0
    for name in text_fields(model):
        original = getattr(record, build_localized_fieldname(name, from_language))
        if not original:
            continue
        target_name = build_localized_fieldname(name, language)
        current = getattr(record, target_name) or ""
        portal_state = states.get(name, "complete")
        if target_name in proposed:
            current, portal_state, state = proposed[target_name] or "", PENDING, NEEDS_REVIEW
        elif portal_state == MISSING:
            state = NEW
        elif portal_state == STALE:
            state = NEEDS_REVIEW
        else:
            state = FINAL if _published(record, owner) else TRANSLATED
        is_rich = isinstance(model._meta.get_field(name), RichTextField)
        unit = store.addsourceunit(plain_text(original), filename=FILE_NAME)
        unit.setid(unit_id(record, name))
        unit.rich_source = rich(original) if is_rich else [original]
        if current:
            unit.rich_target = rich(current) if is_rich else [current]
        else:
            unit.target = ""
        _set_state(unit, state)
        segment_unit(unit, from_language, language, parse_html(original)[1] if is_rich else {})
        unit.addnote(f"{BASIS}{basis(original)}", origin="developer")
        unit.addnote(portal_state, origin="developer")
        if state != FINAL:
            alt_trans.add(unit, original, from_language, language, is_rich)
        count += 1
    return count
