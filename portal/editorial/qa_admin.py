"""The QA checks on the admin's change form (and its inlines: a city's exchanges).

A save that makes a translation public at once (`pending_admin.publishes_directly`:
a publisher's, or anyone's of a record not held for a publisher) runs the checks
(`portal.editorial.qa`) between the original-language field and each other
language's field it changes. On an error the form comes back with the findings on
each field and a "reason for saving over these errors" field; saved with a reason
(`qa_gate.needs_reason`, the rule the approve screen and the workbench follow), the
reason is kept in the version's change reason and the fields are marked for the
translation memory (`qa_gate.mark_override`). A save that waits for a publisher
(a translator's or an editor's change to a published record) is checked when a
publisher applies it, on the approve screen.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.editorial.editions import language_name
from portal.editorial.models import Status
from portal.editorial.pending_admin import publishes_directly
from portal.editorial.qa import run_checks
from portal.editorial.qa_gate import (
    REASON_LENGTH,
    error_fields,
    keep_in_owner,
    mark_override,
    needs_reason,
    published_before,
    reason_text,
    translations,
)
from portal.formatting.i18n import LANGUAGE_CODES

REASON = "qa_reason"  # the posted reason, one for the form and its inlines
NEEDS_REASON = gettext_lazy(
    "The QA checks found errors in a translation this saves as published: see the fields "
    "marked. To save it all the same, write why below (at most %(limit)d characters; kept "
    "in the version history)."
)


def _describe(finding):
    if finding.segment is None:
        return finding.message
    return _("(sentence %(number)s) %(message)s") % {
        "number": finding.segment + 1,
        "message": finding.message,
    }


def _changed(form, restoring):
    """The fields `form` changes: against what it showed, or, restoring an old version
    (whose values the form starts from), against the record as saved."""
    record = form.instance
    if not restoring or record.pk is None:
        return set(form.changed_data)
    fields = [field for field in record._meta.fields if field.name in form.fields]
    names = [field.name for field in fields]
    saved = type(record)._base_manager.filter(pk=record.pk).values(*names).first() or {}
    return {f.name for f in fields if saved.get(f.name) != f.value_from_object(record)}


def _findings(form, parent, restoring=False):
    """`{localized field name: [Finding]}` for the translations `form` changes; all of
    them when the save makes them public (publishing a draft, or its parent) or
    changes which language is the original."""
    record = form.instance
    source_language = getattr(record, "original_language", None)
    source_language = source_language or getattr(parent, "original_language", None)
    if source_language not in LANGUAGE_CODES:
        return {}
    changed, found = _changed(form, restoring), {}
    owner = record if hasattr(record, "status") else parent
    goes_public = getattr(owner, "status", None) == Status.PUBLISHED
    goes_public = goes_public and not published_before(owner)
    every = goes_public or "original_language" in changed
    for localized, language, source, target in translations(record, source_language):
        if localized in changed or (every and target):
            found[localized] = run_checks(source, target, source_language, language)
    return found


def check(form, user, parent=None, restoring=False):
    """Run the gate on a validated `form` (its instance holds the posted values): the
    QA findings go on `form.qa_rows`; errors without a reason on the fields
    (`form.qa_blocked`); with one, `form.qa_over` names the fields saved over them."""
    form.qa_rows, form.qa_blocked, form.qa_over = [], False, set()
    if getattr(form, "cleaned_data", {}).get("DELETE"):
        return  # an inline row deleted
    found = _findings(form, parent, restoring)
    findings = {name: items for name, items in found.items() if items}
    if not findings:
        return
    model = type(form.instance)
    for name, found in findings.items():
        field = model._meta.get_field(name)
        label = _("%(field)s (%(language)s)") % {
            "field": capfirst(field.translated_field.verbose_name),
            "language": language_name(field.language),
        }
        form.qa_rows.append((label, found))
    errors = error_fields(findings)
    if not errors or not publishes_directly(user, form.instance, parent):
        return
    if needs_reason(True, form.data.get(REASON), user, form.instance):
        form.qa_blocked = True
        for name in errors:
            form.add_error(name, [_describe(f) for f in findings[name] if f.is_error])
    else:
        form.qa_over = errors


def gated(form_class, user, restoring=False):
    """`form_class` with the gate run after its own validation."""

    class QAGatedForm(form_class):
        def _post_clean(self):
            super()._post_clean()
            check(self, user, getattr(self, "qa_parent", None), restoring)

    return QAGatedForm


def gated_formset(formset_class, user):
    """`formset_class` whose forms run the gate, each told its parent (whose state
    decides whether the row is public)."""

    class QAGatedFormSet(formset_class):
        form = gated(formset_class.form, user)

        def _construct_form(self, i, **kwargs):
            form = super()._construct_form(i, **kwargs)
            form.qa_parent = self.instance
            return form

    return QAGatedFormSet


def override_reason(record, reason):
    """The version's change reason for a save over QA errors (after its state's, if the
    save published, scheduled or withdrew it)."""
    text = _("Saved over QA errors: %(reason)s") % {"reason": reason}
    state = getattr(record, "_change_reason", None)
    return _("%(state)s; %(reason)s") % {"state": state, "reason": text} if state else text


def _mark(form, request):
    over = getattr(form, "qa_over", None)
    if over:
        reason = reason_text(request.POST.get(REASON))
        mark_override(form.instance, over, override_reason(form.instance, reason))


class QAGateMixin:
    """The gate on a translated record's admin form and its inlines (`gated`)."""

    def get_form(self, request, obj=None, **kwargs):
        restoring = getattr(request, "qa_restoring", False)
        return gated(super().get_form(request, obj, **kwargs), request.user, restoring)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.qa_restoring = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        _mark(form, request)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            _mark(inline_form, request)
        super().save_formset(request, form, formset, change)
        for inline_form in formset.forms:
            keep_in_owner(inline_form.instance, request.user)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        forms = [context["adminform"].form]
        for inline in context.get("inline_admin_formsets", []):
            forms += inline.formset.forms
        context.update(_context(request, forms))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def render_history_view(self, request, template, context, **kwargs):
        """Restoring an old version (simple-history's form) is a save like any other."""
        if "adminform" in context:  # the form, not the list of versions
            context.update(_context(request, [context["adminform"].form]))
        return super().render_history_view(request, template, context, **kwargs)


def _context(request, forms):
    """What the change form shows of the gate (`admin/change_form.html`): the findings
    of the forms it stopped, and the reason field."""
    blocked = [form for form in forms if getattr(form, "qa_blocked", False)]
    if not blocked:
        return {}
    return {
        "qa_blocked": True,
        "qa_message": NEEDS_REASON % {"limit": REASON_LENGTH},
        "qa_rows": [row for form in blocked for row in form.qa_rows],
        "qa_reason": request.POST.get(REASON, ""),
        "qa_reason_limit": REASON_LENGTH,
    }


class QAGateInlineMixin:
    """The gate on an inline's forms; the record's admin (`QAGateMixin`) saves them."""

    def get_formset(self, request, obj=None, **kwargs):
        return gated_formset(super().get_formset(request, obj, **kwargs), request.user)
