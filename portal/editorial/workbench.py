"""The translators' workbench: a record's translated fields side by side.

One *unit* per record shown: the record itself, then its parts (the records
that belong to it and go with it, found through their CASCADE foreign keys: a
city's exchanges and photos, an article's lead image). One *row* per
translated field: the original (read-only, in its language), the target
field (the change form's own widget), the field's state, when stale, what
changed in the original since it was translated, and the QA findings of the
translation (`portal.editorial.qa`; `qa_view` runs them again as one types).

Saving obeys the same rules as the change form (`portal.editorial.rules`):
only translated text is in the forms; a change to a live record by someone
who may not publish it waits as a pending change; a published record's parts
are read-only to them; a form loaded before someone else's save is refused
(`concurrency`); each save is a version with its author and reason.
"""

from dataclasses import dataclass, field

from django import forms
from django.db import models, transaction
from django.forms import modelform_factory
from django.utils.html import format_html
from django.utils.translation import gettext as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import pending, rules
from portal.editorial.concurrency import LOADED_AT, ConcurrentEditForm
from portal.editorial.glossary import Glossary
from portal.editorial.memory_lookup import suggestions
from portal.editorial.models import Timestamped, Translatable
from portal.editorial.pending_admin import publishes_directly, waits_for_publisher
from portal.editorial.qa import run_checks
from portal.editorial.qa_gate import (
    error_fields,
    keep_in_owner,
    mark_override,
    may_override,
    needs_reason,
)
from portal.editorial.record_kinds import owner_field
from portal.editorial.translation_state import (
    AWAITING,
    COMPLETE,
    MISSING,
    STALE,
    field_states,
    picture_states,
    suffix,
    text_fields,
)
from portal.formatting.diffs import word_diff
from portal.formatting.richtext import RichTextField, plain_text, safe_html


@dataclass
class Row:
    name: str
    label: str
    original: str  # HTML, safe
    original_language: str
    bound: object  # the target's BoundField
    state: str
    rich: bool
    diff: tuple = None
    terms: list = field(default_factory=list)  # (term, required rendering) found
    lacking: list = field(default_factory=list)  # required renderings the target lacks
    findings: list = field(default_factory=list)  # QA findings (`portal.editorial.qa`)
    memory: list = field(default_factory=list)  # the original's segments and their matches


@dataclass
class Unit:
    record: object
    heading: str
    form: object
    rows: list
    original_language: str
    locked: bool = False
    parent: object = None

    @property
    def model(self):
        return type(self.record)

    @property
    def label(self):
        return self.model._meta.label_lower


def parts(record):
    """The records that belong to `record` (CASCADE foreign keys to it) and have
    translated text: a city's exchanges and photos, an article's lead image."""
    found = []
    translated = set(translator.get_registered_models())
    for relation in record._meta.related_objects:
        if relation.related_model not in translated or relation.on_delete is not models.CASCADE:
            continue
        if relation.one_to_one:
            part = _one_to_one(record, relation)
            found += [part] if part is not None else []
        elif relation.one_to_many:
            found += list(getattr(record, relation.get_accessor_name()).all())
    return found


def _one_to_one(record, relation):
    try:
        return getattr(record, relation.get_accessor_name())
    except relation.related_model.DoesNotExist:
        return None


def _field_states(record, language, original_language):
    if isinstance(record, Translatable):
        return field_states(record, language)
    return picture_states(record, original_language, language)


def _original_html(value, rich, language):
    if rich:
        return format_html(
            '<div class="original-text" lang="{}">{}</div>', language, safe_html(value)
        )
    return format_html('<p class="original-text" lang="{}">{}</p>', language, value)


class WorkbenchForm(ConcurrentEditForm):
    """The concurrent-edit guard, with the time taken from the record just loaded
    (one query fewer per unit: a city's fifty exchanges cost no fifty queries)."""

    def __init__(self, *args, **kwargs):
        forms.ModelForm.__init__(self, *args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.initial[LOADED_AT] = self.instance.updated_at.isoformat()


def _waiting_values(record, language):
    """The translation already waiting for a publisher, so that the translator goes
    on from it rather than from the published text."""
    if not isinstance(record, Translatable) or record.pk is None:
        return {}
    return pending.proposed(record, language)


def _form_class(model, names):
    base = WorkbenchForm if issubclass(model, Timestamped) else forms.ModelForm
    return modelform_factory(model, form=base, fields=names)


# The memory lookups one page makes at most (a city's many exchanges).
MEMORY_LOOKUPS = 60


def build_unit(record, language, user, glossary, data=None, parent=None, budget=None):
    """The unit of `record` for a translation into `language`, bound to `data` if given;
    a field missing or stale comes with the memory's matches for its segments (at most
    `budget[0]` lookups).

    None when there is nothing to translate: the record was written in `language`."""
    model = type(record)
    original_language = getattr(record, "original_language", None) or parent.original_language
    if original_language == language:
        return None
    names = text_fields(model)
    targets = [build_localized_fieldname(name, language) for name in names]
    prefix = f"{model._meta.label_lower}-{record.pk}"
    # Parts never wait as pending changes (`save_units`): only the record itself.
    waiting = _waiting_values(record, language) if parent is None else {}
    form = _form_class(model, targets)(data=data, instance=record, prefix=prefix, initial=waiting)
    # A part opened on its own (a city's exchange) is locked as beside its owner.
    owner = parent
    if owner is None and (link := owner_field(model)) is not None:
        owner = getattr(record, link.name)
    locked = rules.locked_for(user, owner) if owner is not None else False
    locked = locked or not rules.can_translate(user, model)
    states = _field_states(record, language, original_language)
    basis = getattr(record, "translation_basis", {}).get(suffix(language), {})
    rows = []
    for name, target in zip(names, targets, strict=True):
        model_field = model._meta.get_field(name)
        rich = isinstance(model_field, RichTextField)
        original = getattr(record, build_localized_fieldname(name, original_language)) or ""
        form_field = form.fields[target]
        form_field.required = False
        form_field.label = model_field.verbose_name
        form_field.disabled = locked
        state = states.get(name, COMPLETE)
        diff = None
        if state == STALE:
            diff = word_diff(plain_text(basis.get(name) or ""), plain_text(original))
        if target in waiting:
            state = AWAITING
        if not original and not getattr(record, target):
            continue  # nothing to translate, nothing translated
        value = form[target].value()
        found, lacking = glossary.check(original, original_language, value, language)
        memory = []
        if state in (MISSING, STALE) and not locked and data is None:  # not when saving
            memory = suggestions(original, original_language, language, rich, budget)
        rows.append(
            Row(
                name=name,
                label=model_field.verbose_name,
                original=_original_html(original, rich, original_language),
                original_language=original_language,
                bound=form[target],
                state=state,
                rich=rich,
                diff=diff,
                terms=found,
                lacking=lacking,
                # Lacking names have their own warning on the page (workbench.js).
                findings=run_checks(
                    original, value or "", original_language, language, glossary, lacking=False
                ),
                memory=memory,
            )
        )
    heading = f"{model._meta.verbose_name}: {record}"
    return Unit(record, heading, form, rows, original_language, locked, parent)


def build_units(record, language, user, data=None):
    glossary, budget = Glossary(), [MEMORY_LOOKUPS]
    units = [build_unit(record, language, user, glossary, data, budget=budget)]
    for part in parts(record):
        units.append(build_unit(part, language, user, glossary, data, record, budget))
    return [unit for unit in units if unit is not None and unit.rows]


class Outcome:
    def __init__(self):
        # Saved; waiting for a publisher; proposed as published already (nothing waits).
        self.saved, self.held, self.withdrawn = [], [], []
        # Nothing saved: a publisher's own translation has QA errors and no reason.
        self.needs_reason = False


def _publishes_directly(unit, user):
    """Whether saving `unit` changes a public record at once (`publishes_directly`)."""
    return publishes_directly(user, unit.form.instance, unit.parent)


def _changed_with_qa_errors(unit):
    """The localized fields `unit`'s form changes that have QA errors: saved directly,
    that is a publisher's own approval, which takes a reason as applying a change does."""
    changed = set(unit.form.changed_data)
    return error_fields({row.bound.name: row.findings for row in unit.rows}) & changed


def save_units(units, user, language_label, qa_reason=""):
    """Save every changed unit in one transaction (all valid, or nothing saved).

    A change made public at once (not held for a publisher) with QA errors is saved only
    with `qa_reason`, kept in its version as a publisher's reason for applying a
    translator's change is; without one nothing is saved (`Outcome.needs_reason`).

    Returns an `Outcome`, or None when a form is invalid (its errors are on it)."""
    outcome = Outcome()
    with transaction.atomic():
        if not all(unit.form.is_valid() for unit in units):
            transaction.set_rollback(True)
            return None
        to_save = [unit for unit in units if not unit.locked and unit.form.has_changed()]
        over = [
            _changed_with_qa_errors(unit) if _publishes_directly(unit, user) else set()
            for unit in to_save
        ]
        refused = needs_reason(any(over), qa_reason) or any(
            fields and not may_override(user, unit.form.instance)
            for unit, fields in zip(to_save, over, strict=True)
        )
        if refused:
            outcome.needs_reason = True
            return outcome
        values = {"language": language_label, "reason": qa_reason}
        clean = _("Translated into %(language)s in the workbench") % values
        over_reason = (
            _("Translated into %(language)s in the workbench over QA errors: %(reason)s") % values
        )
        for unit, fields in zip(to_save, over, strict=True):
            reason = over_reason if fields else clean
            form = unit.form
            record = form.instance
            if unit.parent is None and waits_for_publisher(user, record):
                # The whole form is the proposal: a field set back to its published
                # text leaves the pending change.
                held = pending.hold(record, form, user, names=list(form.fields))
                (outcome.held if held is not None else outcome.withdrawn).append(record)
                continue
            mark_override(record, fields, reason)
            record._history_user = user
            form.save()
            keep_in_owner(record, user)
            outcome.saved.append(record)
    return outcome
