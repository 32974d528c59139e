"""The admin mixins every translated or published record's admin is built from."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.fields import TranslationField

from portal.editorial import pending, rules
from portal.editorial.changelists import EstimatedCountPaginator, QuickRowsMixin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.editorial.editions import (
    STATE_LABELS,
    became_stale,
    name_warnings,
    publication_summary,
)
from portal.editorial.json_text import JsonText
from portal.editorial.models import Status
from portal.editorial.pending_admin import PendingChangesMixin
from portal.editorial.qa_admin import QAGateInlineMixin, QAGateMixin
from portal.editorial.translation_state import (
    AWAITING,
    MISSING,
    STALE,
    language_state,
    refresh_states,
    suffix,
)
from portal.editorial.versions import VersionsMixin
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS, labelled

PUBLICATION_FIELDSET = (
    _("Publication"),
    {"fields": ("status", "published_at", "original_language", "original_only")},
)


class OriginalLanguageRequiredMixin:
    """Let the record's original language, not the site's default, be required.

    modeltranslation makes the default language's field required in forms;
    a record written in English would then need its Chinese first. Our models'
    `Translatable.clean()` requires the original language instead, with the
    message on that language's field.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, TranslationField):
            field.required = False
        return field


class EditorialRulesMixin:
    """The admin side of `portal.editorial.rules`: translators (holding
    `translate_<model>`, not `change_<model>`) open a record and edit its text;
    the fields the rules keep from them are read-only, so the form has no field
    for them and whatever a request posts there is ignored.
    """

    def has_change_permission(self, request, obj=None):
        return rules.can_translate(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [
            *readonly,
            *(
                name
                for name in rules.readonly_fields(request.user, self.model)
                if name not in readonly
            ),
        ]

    def get_prepopulated_fields(self, request, obj=None):
        if not rules.can_edit_structure(request.user, self.model):
            return {}
        return super().get_prepopulated_fields(request, obj)


class WorkflowMixin(PendingChangesMixin):
    """State changes follow `portal.editorial.rules`; publication time is the publishers'.

    A non-publisher's changes to a published record wait as a pending change
    (`PendingChangesMixin`) until a publisher applies them.
    """

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        user, model = request.user, self.model

        class WorkflowForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "status" in self.fields:
                    # Offered: only the states this user may move the record to. The
                    # field still knows them all, so a hand-made POST gets the rule's
                    # message below, not "select a valid choice".
                    old = self.instance.status if self.instance.pk else Status.DRAFT
                    field = self.fields["status"]
                    field.widget.choices = [
                        (value, label)
                        for value, label in field.choices
                        if rules.transition_error(user, model, old, value) is None
                    ]

            def clean(self):
                cleaned = super().clean()
                if "status" in self.fields:
                    old = self.instance.status if self.instance.pk else Status.DRAFT
                    message = rules.transition_error(user, model, old, cleaned.get("status", old))
                    if message:
                        self.add_error("status", message)
                return cleaned

        return WorkflowForm

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self.get_object(request, unquote(object_id))
        if record is not None:
            extra_context = {
                **(extra_context or {}),
                "editions": publication_summary(record),
                "name_warnings": name_warnings(record),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        if {"status", "published_at"} & set(form.changed_data):
            # Kept with the version: who published, scheduled or withdrew, and when.
            obj._change_reason = rules.workflow_change_reason(obj)
        # What this change is measured against: the states and editions before it.
        request.states_before = dict(obj.translation_states)
        request.editions_before = obj.editions()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.translated_parts and getattr(request, "held_back", None) is None:
            # Parts (a report's rows) are saved after the record, each refreshing its
            # states: a translation they made incomplete was complete before the change.
            record = form.instance
            record.refresh_from_db(fields=["translation_states"])
            refresh_states(record, before=request.states_before)

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        report_stale_editions(request, obj, request.editions_before)
        return response

    def pending_view(self, request, object_id, change_id, action):
        record = self.get_object(request, unquote(object_id))
        before = record.editions() if record is not None else {}
        response = super().pending_view(request, object_id, change_id, action)
        report_stale_editions(request, record, before)
        return response


def report_stale_editions(request, record, before):
    """After a change to `record` (its `editions()` were `before`): a message for each
    edition it made stale. The states are read again: the record's parts, saved after
    it, refresh them."""
    if record is None:
        return
    record.refresh_from_db(fields=["translation_states"])
    for line in became_stale(before, record):
        messages.info(request, line)


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{suffix(code)}:{state}", labelled(LANGUAGE_LABELS[code], STATE_LABELS[state]))
            for code in LANGUAGE_CODES
            for state in (MISSING, STALE, AWAITING)
        ]

    def queryset(self, request, queryset):
        key, _sep, state = (self.value() or "").partition(":")
        codes = {suffix(code): code for code in LANGUAGE_CODES}
        if state not in (MISSING, STALE, AWAITING) or key not in codes:
            return queryset
        if state == AWAITING:  # the few records the pending changes name, by their key
            return queryset.filter(pk__in=pending.awaiting_ids(queryset.model, codes[key]))
        # As the queue asks it, from the same index (`translation_state.queue_indexes`).
        return queryset.filter(Exact(JsonText("translation_states", key), state))


class TranslationStateMixin:
    """A translation column and filter on every changelist of a translated model."""

    def get_list_display(self, request):
        # Beside the record's name, where a list too wide for the window (the sidebar
        # open at 1,280 px) still shows it: the column translators work from.
        first, *rest = super().get_list_display(request)
        return [first, "translation_state", *rest]

    def get_queryset(self, request):
        return pending.with_awaiting(super().get_queryset(request))

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStateFilter]

    @admin.display(description=_("translation"))
    def translation_state(self, record):
        label = record._meta.label_lower
        badges = [
            format_html(
                '<a class="translation-state translation-{}" href="{}" title="{}">{}</a>',
                state,
                reverse("translation_workbench", args=[label, record.pk, code]),
                _("Translate side by side"),
                labelled(LANGUAGE_LABELS[code], STATE_LABELS[state]),
            )
            for code, state in self._states(record)
            if code != record.original_language
        ]
        return format_html_join(" ", "{}", ((badge,) for badge in badges))

    def _states(self, record):
        # The states stored at each save (`translation_states`), not worked out again
        # from every field of every row of the page.
        stored = record.translation_states or {}
        for code in LANGUAGE_CODES:
            state = stored.get(suffix(code)) or language_state(record, code)
            yield code, AWAITING if pending.is_awaiting(record, code) else state


class TranslatableAdmin(
    QAGateMixin,
    QuickRowsMixin,
    TranslationStateMixin,
    EditorialRulesMixin,
    OriginalLanguageRequiredMixin,
    VersionsMixin,
    TabbedTranslationAdmin,
):
    """Translated fields as per-language tabs; translators edit text only; versions kept."""

    # A filtered list counts its own rows only: the total of a large table (100,000
    # articles) counted on every view costs more than the page.
    show_full_result_count = False
    # Nor the rows of a long list, nor every match of a broad search: counted up to
    # 1,000, estimated past that (portal.editorial.changelists).
    paginator = EstimatedCountPaginator


class PublishableAdmin(ConcurrentEditMixin, WorkflowMixin, TranslatableAdmin):
    """A translatable record with the editorial workflow; no edit silently lost."""


class LockedWithParentMixin:
    """Inline rows of a published parent are read-only for those who may not publish it:
    the parent's own changes wait for a publisher, and these could not wait with them."""

    def has_add_permission(self, request, obj=None):
        if rules.locked_for(request.user, obj):
            return False
        return super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if rules.locked_for(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if rules.locked_for(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)


class TranslatableStackedInline(
    QAGateInlineMixin,
    LockedWithParentMixin,
    EditorialRulesMixin,
    OriginalLanguageRequiredMixin,
    TranslationStackedInline,
):
    """A translated inline: text for translators, locked with a published parent."""
