"""Pending changes in the admin: a non-publisher's save of a live record waits.

`rules.must_wait` says whose save waits (a published article or city; a
country's or category's names, which print on published pages at once);
`portal.editorial.pending` keeps, applies and discards the values;
`portal.editorial.proposals` shows them to the publisher, checked against the
official names (a forbidden rendering is flagged, and its change not applied).
"""

from django.contrib import admin as django_admin
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.editorial import pending, proposals, rules
from portal.editorial.editions import language_name
from portal.editorial.glossary import Glossary
from portal.editorial.qa_gate import REASON_LENGTH, error_fields, needs_reason, reason_text
from portal.editorial.record_kinds import is_public, owner_field

HELD_BACK = _(
    "This is published, so your changes wait for a publisher: visitors still see the "
    "published version until a publisher applies them."
)
NOTHING_PROPOSED = _(
    "Nothing differs from the published version, so nothing waits for a publisher."
)

NEEDS_REASON = _(
    "The QA checks found errors in these changes: to apply them all the same, write "
    "why (at most %(limit)d characters). Nothing was applied."
)


class PendingChangesMixin:
    change_form_template = "admin/publishable_change_form.html"

    def save_model(self, request, obj, form, change):
        if change and rules.must_wait(request.user, obj):
            request.held_back = True
            held = pending.hold(obj, form, request.user)
            messages.info(request, HELD_BACK if held is not None else NOTHING_PROPOSED)
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "held_back", None) is None:
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "held_back", None) is not None:
            formsets = []  # not saved (they wait with the record), so nothing to report
        return super().construct_change_message(request, form, formsets, add)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if getattr(request, "held_back", None) is not None and level == messages.SUCCESS:
            return  # "changed successfully" would be untrue: HELD_BACK says what happened
        super().message_user(request, message, level, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self.get_object(request, unquote(object_id))
        if record is not None:
            glossary = Glossary()
            changes = [
                proposals.review(change, record, glossary, language_name)
                for change in pending.pending_for(record)
            ]
            extra_context = {
                **(extra_context or {}),
                "pending_changes": changes,
                "may_apply": rules.can_apply_pending(request.user, self.model),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        opts = self.model._meta
        decide = path(
            "<path:object_id>/pending/<int:change_id>/<str:action>/",
            self.admin_site.admin_view(self.pending_view),
            name=f"{opts.app_label}_{opts.model_name}_pending",
        )
        return [decide, *super().get_urls()]

    def pending_view(self, request, object_id, change_id, action):
        """POST: a publisher applies a pending change; a publisher or its author discards it."""
        record = self.get_object(request, unquote(object_id))
        change = pending.pending_for(record).filter(pk=change_id).first() if record else None
        if request.method != "POST" or change is None or action not in ("apply", "discard"):
            raise Http404
        if action == "apply" and not rules.can_apply_pending(request.user, self.model):
            raise PermissionDenied
        if action == "discard" and not rules.can_discard_pending(request.user, self.model, change):
            raise PermissionDenied
        if action == "apply":
            reason = reason_text(request.POST.get("qa_reason"))
            review = proposals.review(change, record, Glossary(), language_name)
            if needs_reason(review.qa_errors, reason):
                messages.error(request, NEEDS_REASON % {"limit": REASON_LENGTH})
                opts = self.model._meta
                return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", record.pk)
            try:
                over = error_fields(review.findings)
                pending.apply(change, record, request.user, reason if over else "", over)
            except ValidationError as error:
                messages.error(request, pending.refusal(error, record))
            else:
                messages.success(request, _("The changes are applied and published."))
        else:
            change.delete()
            messages.info(request, _("The pending changes are discarded."))
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", record.pk)


def waits_for_publisher(user, record):
    """`rules.must_wait`, where the record's admin holds pending changes (so that a
    publisher can apply them): the office's admin saves directly, and so must
    every other way of changing it (the workbench, XLIFF imports)."""
    model_admin = django_admin.site._registry.get(type(record))
    return isinstance(model_admin, PendingChangesMixin) and rules.must_wait(user, record)


def publishes_directly(user, record, parent=None):
    """Whether `user`'s save of `record` makes its text public at once: the record (a
    part given with its `parent`: the parent) is published, or has no state (reference
    data), and the save does not wait for a publisher (`waits_for_publisher`). A draft's
    translation is work in progress."""
    if parent is not None:  # parts never wait: they are locked with a published parent
        return is_public(parent, None)
    return not waits_for_publisher(user, record) and is_public(record, owner_field(type(record)))
