"""The completeness matrix: every translated record × language, at a glance.

For each record (cities, their exchanges and photos, articles and their lead
images, categories, countries, the office) and each language: its state and
how many fields are missing, stale or lack an official name (`glossary`),
and whether a translation awaits a publisher's approval (`pending.awaiting`),
with totals per language over the records visitors can see. One query per
kind of record, whatever their number: pictures come with their owner
(their original language is the owner's).
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from modeltranslation.translator import translator

from portal.editorial import pending
from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.models import Status, Translatable
from portal.editorial.translation_state import (
    AWAITING,
    COMPLETE,
    MISSING,
    STALE,
    field_states,
    picture_states,
)
from portal.formatting.i18n import LANGUAGE_CODES

FLAGGED = "flagged"
STATES = (MISSING, STALE, AWAITING, FLAGGED, COMPLETE)


@dataclass
class Cell:
    state: str  # "original", or complete / missing / stale
    missing: int = 0
    stale: int = 0
    flagged: int = 0
    awaiting: bool = False  # a translation waits for a publisher's approval

    @property
    def shown(self):
        """The state a translator reads: awaiting approval, or the published one."""
        return AWAITING if self.awaiting else self.state


@dataclass
class Row:
    record: object
    kind: str  # "app.model"
    kind_label: str
    original_language: str
    public: bool
    workbench: tuple  # ("app.model", pk) of the record translated with it (a picture's owner)
    cells: dict = field(default_factory=dict)  # language → Cell

    def has(self, state, language=None):
        cells = [self.cells[language]] if language else self.cells.values()
        if state == FLAGGED:
            return any(cell.flagged for cell in cells)
        if state == AWAITING:
            return any(cell.awaiting for cell in cells)
        return any(cell.state == state for cell in cells if cell.state != "original")


def owner_field(model):
    """The foreign key by which a picture belongs to a translated record, or None."""
    for model_field in model._meta.fields:
        related = model_field.related_model
        owned = model_field.many_to_one or model_field.one_to_one
        if (
            owned
            and related is not None
            and issubclass(related, Translatable)
            and model_field.remote_field.on_delete is models.CASCADE
        ):
            return model_field
    return None


def kinds():
    """Every model with translated text: translatable records and their pictures."""
    found = []
    for model in translator.get_registered_models():
        if model._meta.abstract:
            continue
        if issubclass(model, Translatable) or owner_field(model) is not None:
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label_lower)


def _records(model):
    owner = owner_field(model)
    queryset = model.objects.all()
    if owner is not None:
        queryset = queryset.select_related(owner.name)
    else:
        queryset = pending.with_awaiting(queryset)
    return queryset.order_by("pk"), owner


def _public(record, owner):
    if hasattr(record, "status"):
        return record.status == Status.PUBLISHED
    parent = getattr(record, owner.name) if owner is not None else None
    if parent is not None and hasattr(parent, "status"):
        return parent.status == Status.PUBLISHED
    return True


def build(kind=None):
    """Every row (of `kind`, an "app.model" label, if given)."""
    glossary = Glossary()
    rows = []
    for model in kinds():
        label = model._meta.label_lower
        if kind and label != kind:
            continue
        queryset, owner = _records(model)
        for record in queryset:
            rows.append(_row(record, model, label, owner, glossary))
    return rows


def _row(record, model, label, owner, glossary):
    if isinstance(record, Translatable):
        original_language, translated_with = record.original_language, record
    else:
        translated_with = getattr(record, owner.name)
        original_language = translated_with.original_language
    row = Row(
        record,
        label,
        model._meta.verbose_name,
        original_language,
        _public(record, owner),
        (translated_with._meta.label_lower, translated_with.pk),
    )
    flags = {}
    for language, _name, lacking in record_warnings(record, glossary, None, original_language):
        flags[language] = flags.get(language, 0) + len(lacking)
    for language in LANGUAGE_CODES:
        if language == original_language:
            row.cells[language] = Cell("original")
            continue
        if isinstance(record, Translatable):
            states = field_states(record, language)
        else:
            states = picture_states(record, original_language, language)
        values = list(states.values())
        state = MISSING if MISSING in values else STALE if STALE in values else COMPLETE
        row.cells[language] = Cell(
            state,
            values.count(MISSING),
            values.count(STALE),
            flags.get(language, 0),
            pending.is_awaiting(record, language),
        )
    return row


def totals(rows):
    """`[(language, complete, public)]`: per language, the records visitors can see
    that are complete in it (their original language counts as complete)."""
    result = []
    for language in LANGUAGE_CODES:
        public = [row for row in rows if row.public]
        complete = [row for row in public if row.cells[language].state in ("original", COMPLETE)]
        result.append((language, len(complete), len(public)))
    return result


def state_label(state):
    return {
        "original": _("original"),
        COMPLETE: _("complete"),
        MISSING: _("missing"),
        STALE: _("stale"),
        AWAITING: _("awaiting approval"),
    }[state]
