"""A pending change as the publisher reviews it before applying it.

`review` gives, for one change, the fields it sets with the published value and
the proposed one (words removed and added marked), and the proposal checked
against the official names: a required rendering it lacks is a warning
(`name_warnings`); a forbidden rendering is an error (`glossary.forbidden_messages`),
shown beside its field, and the change cannot be applied until it is corrected
(`pending.apply` refuses it too, as the record's own validation does). Each
translation the change sets is run through the QA checks (`portal.editorial.qa`,
its official names left to the glossary's own messages above): a QA error is
applied over only with a publisher's written reason (`pending_admin`).
"""

import copy
import dataclasses
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.glossary import forbidden_messages, record_warnings
from portal.editorial.pending import model_field, stored_value
from portal.editorial.qa import has_errors, run_checks
from portal.editorial.translation_state import text_fields
from portal.formatting.diffs import word_diff
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.richtext import plain_text


@dataclass(frozen=True)
class Row:
    label: str
    current: str  # html
    proposed: str  # html
    errors: list  # the forbidden renderings the proposed value uses
    findings: list = ()  # QA findings of the proposed translation against its original


@dataclass(frozen=True)
class Review:
    change: object
    rows: list
    warnings: list  # [(language name, field label, [lacking renderings])]
    errors: list  # every forbidden rendering the record would use, field by field
    findings: dict = dataclasses.field(default_factory=dict)  # {localized field name: [Finding]}

    @property
    def may_be_applied(self):
        return not self.errors

    @property
    def qa_errors(self):
        """Whether applying needs a publisher's reason: a QA check found an error."""
        return any(has_errors(row.findings) for row in self.rows)


def review(change, record, glossary, language_name):
    """The `Review` of `change` to `record`; `language_name(code)` names a language."""
    proposal = as_proposed(change, record)
    # In any field, not only the change's: applying validates the whole record.
    forbidden = forbidden_messages(proposal)
    findings = qa_findings(change, proposal)
    rows = [
        Row(
            label,
            current,
            proposed,
            [message for field, message in forbidden if field == name],
            findings.get(name, []),
        )
        for name, label, current, proposed in differences(change, record)
    ]
    warnings = [
        (language_name(language), record._meta.get_field(name).verbose_name, lacking)
        for language, name, lacking in name_warnings(change, proposal, glossary)
    ]
    errors = [message for _field, message in forbidden]
    return Review(change, rows, warnings, errors, findings)


def as_proposed(change, record):
    """A copy of `record` holding the change's values (its text and plain fields; a
    value that does not convert is left out: `pending.apply` refuses it, with its
    reason)."""
    proposal = copy.copy(record)
    for name, value in change.values.items():
        field = model_field(record, name)
        if field is not None and not field.many_to_many:
            try:
                setattr(proposal, field.attname, field.to_python(value))
            except ValidationError:
                continue
    return proposal


def differences(change, record):
    """`[(field name, label, current html, proposed html)]` for a pending change: words
    removed and added marked, a related record by its name, no value as "empty"; in the
    order the model declares its fields (PostgreSQL's JSON keeps no order of its own)."""
    rows = []
    order = {field.name: n for n, field in enumerate(record._meta.get_fields())}
    for name, value in sorted(change.values.items(), key=lambda item: order.get(item[0], 0)):
        field = model_field(record, name)
        if field is None:
            continue
        if field.many_to_many:
            current = ", ".join(str(item) for item in getattr(record, name).all())
            chosen = field.related_model.objects.filter(pk__in=value)
            proposed = ", ".join(str(item) for item in chosen)
        else:
            current = _shown(field, stored_value(field, record))
            proposed = _shown(field, value)
        current, proposed = plain_text(current or ""), plain_text(proposed or "")
        if current and proposed:
            rows.append((name, field.verbose_name, *word_diff(current, proposed)))
        else:
            rows.append((name, field.verbose_name, current or _empty(), proposed or _empty()))
    return rows


def _shown(field, stored):
    """A stored value as a person reads it: a related record by its name, a choice by
    its label."""
    if stored in (None, ""):
        return ""
    if field.many_to_one or field.one_to_one:
        return str(field.related_model._base_manager.filter(pk=stored).first() or stored)
    if field.choices:
        return str(dict(field.flatchoices).get(field.to_python(stored), stored))
    return stored


def _empty():
    return format_html('<em class="empty">{}</em>', _("empty"))


def name_warnings(change, proposal, glossary):
    """`[(language, field name, [lacking renderings])]`: the official names the record
    would lack if `change` were applied (`glossary.record_warnings` on `proposal`,
    `as_proposed`), in the translations it sets or whose original it changes."""
    if not hasattr(proposal, "original_language"):
        return []
    original = proposal.original_language
    return [
        (language, name, lacking)
        for language, name, lacking in record_warnings(proposal, glossary)
        if {build_localized_fieldname(name, code) for code in (language, original)}
        & change.values.keys()
    ]


def qa_findings(change, proposal):
    """`{localized field name: [Finding]}` for the translations `change` sets, checked
    against the original as the record would hold it."""
    original = getattr(proposal, "original_language", None)
    if original is None:
        return {}
    found = {}
    for name in text_fields(type(proposal)):
        source = getattr(proposal, build_localized_fieldname(name, original)) or ""
        for language in LANGUAGE_CODES:
            localized = build_localized_fieldname(name, language)
            if language != original and localized in change.values:
                target = getattr(proposal, localized) or ""
                found[localized] = run_checks(source, target, original, language)
    return found
