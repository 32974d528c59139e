"""Admin pieces shared by the apps."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.fields import TranslationField
from modeltranslation.translator import translator

from portal.admin_concurrency import ConcurrentEditMixin
from portal.admin_versions import VersionsMixin
from portal.i18n import LANGUAGE_CODES, LANGUAGE_LABELS
from portal.models import Office, Status
from portal.translation_state import COMPLETE, MISSING, STALE, suffix
from portal.workflow import (
    can_edit_structure,
    can_publish,
    transition_error,
    workflow_change_reason,
)

STATE_LABELS = {COMPLETE: _("complete"), MISSING: _("missing"), STALE: _("stale")}

PUBLICATION_FIELDSET = (
    _("Publication"),
    {"fields": ("status", "published_at", "original_language")},
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


def structure_fields(model):
    """The fields only those who may create a record may change: all but translated text."""
    fields = [
        field.name
        for field in [*model._meta.fields, *model._meta.many_to_many]
        if field.editable
        and not field.auto_created
        and not isinstance(field, TranslationField)
        and field.name not in translated_field_names(model)
    ]
    return fields


def translated_field_names(model):
    return (
        set(translator.get_options_for_model(model).all_fields) if is_translated(model) else set()
    )


def is_translated(model):
    return model in translator.get_registered_models()


class TranslatorLimitsMixin:
    """Translators (who may change a record but not create one) edit its text only.

    The other fields are read-only for them, so the form has no field for them
    and whatever a request posts there is ignored.
    """

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_edit_structure(request.user, self.model):
            readonly += [name for name in structure_fields(self.model) if name not in readonly]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if not can_edit_structure(request.user, self.model):
            return {}
        return super().get_prepopulated_fields(request, obj)


class WorkflowMixin:
    """State changes follow `portal.workflow`; publication time is the publishers'."""

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        if {"status", "published_at"} & set(form.changed_data):
            # Kept with the version: who published, scheduled or withdrew, and when.
            obj._change_reason = workflow_change_reason(obj)
        super().save_model(request, obj, form, change)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user, self.model) and "published_at" not in readonly:
            readonly.append("published_at")
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        user, model = request.user, self.model

        class WorkflowForm(form_class):
            def clean(self):
                cleaned = super().clean()
                if "status" in self.fields:
                    old = self.instance.status if self.instance.pk else Status.DRAFT
                    message = transition_error(user, model, old, cleaned.get("status", old))
                    if message:
                        self.add_error("status", message)
                return cleaned

        return WorkflowForm


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{suffix(code)}:{state}", f"{LANGUAGE_LABELS[code]}: {label}")
            for code in LANGUAGE_CODES
            for state, label in ((MISSING, _("missing")), (STALE, _("stale")))
        ]

    def queryset(self, request, queryset):
        language, _sep, state = (self.value() or "").partition(":")
        if state not in (MISSING, STALE) or language not in map(suffix, LANGUAGE_CODES):
            return queryset
        return queryset.filter(**{f"translation_states__{language}": state})


class TranslationStateMixin:
    """A translation column and filter on every changelist of a translated model."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_state"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStateFilter]

    @admin.display(description=_("translation"))
    def translation_state(self, record):
        badges = [
            format_html(
                '<span class="translation-state translation-{}" lang="{}">{}: {}</span>',
                state,
                code,
                LANGUAGE_LABELS[code],
                STATE_LABELS[state],
            )
            for code, state in record.translation_status().items()
            if code != record.original_language
        ]
        return format_html_join(" ", "{}", ((badge,) for badge in badges))


class TranslatableAdmin(
    TranslationStateMixin,
    TranslatorLimitsMixin,
    OriginalLanguageRequiredMixin,
    VersionsMixin,
    TabbedTranslationAdmin,
):
    """Translated fields as per-language tabs; translators edit text only; versions kept."""


class PublishableAdmin(ConcurrentEditMixin, WorkflowMixin, TranslatableAdmin):
    """A translatable record with the editorial workflow; no edit silently lost."""


class TranslatableStackedInline(
    TranslatorLimitsMixin, OriginalLanguageRequiredMixin, TranslationStackedInline
):
    pass


admin.site.site_header = _("Foreign Affairs Portal")
admin.site.site_title = _("Foreign Affairs Portal")
admin.site.index_title = _("Back office")


@admin.register(Office)
class OfficeAdmin(TranslatableAdmin):
    list_display = ("name", "phone", "email")
    fields = ("name", "short_name", "address", "phone", "email", "original_language")

    def has_add_permission(self, request):
        return not Office.objects.exists() and super().has_add_permission(request)
