"""The translation memory in the admin: everyone in the back office reads it;
publishers export it as TMX and import a TMX file (checked whole, all or nothing),
as `manage.py memory export` and `memory import` do. Entries come from approvals
and imports, never typed in."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from portal.editorial import memory_tmx, rules
from portal.editorial.editions import language_name
from portal.formatting.i18n import LANGUAGE_CODES

# Measured on SQLite: some 4.5 s a MB read, checked and stored (20,000 units,
# 5 MB, in 23 s); a request should end well within 30 s.
LARGEST_UPLOAD = 4 * 1024 * 1024
# A sentence's characters shown in the list, so that its translation fits beside it.
SHOWN_CHARACTERS = 90


class TmxUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("TMX file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > LARGEST_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: import it with “manage.py memory import”.")
                % {"size": LARGEST_UPLOAD // (1024 * 1024)}
            )
        return upload


def _shortened(text):
    """A long sentence cut to what fits beside its translation, whole on hover."""
    short = Truncator(text).chars(SHOWN_CHARACTERS)
    if short == text:
        return text
    return format_html('<span title="{}">{}</span>', text, short)


class LanguageFilter(admin.SimpleListFilter):
    """A language column's filter with the languages' names in the admin's
    language ("English", "英文"), not their codes."""

    def lookups(self, request, model_admin):
        return [(code, language_name(code)) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.filter(**{self.parameter_name: self.value()})
        return queryset


class SourceLanguageFilter(LanguageFilter):
    title = gettext_lazy("source language")
    parameter_name = "source_language"


class TargetLanguageFilter(LanguageFilter):
    title = gettext_lazy("target language")
    parameter_name = "target_language"


class MemoryEntryAdmin(admin.ModelAdmin):
    list_display = (
        "source_text",
        "target_text",
        "languages",
        "origin",
        "approved",
    )
    # By date as a filter rather than a date hierarchy: no DISTINCT over every pair's
    # date on each view of a memory of 100,000 pairs and more.
    list_filter = (SourceLanguageFilter, TargetLanguageFilter, "over_qa_errors", "approved_at")
    search_fields = ("source", "target")
    list_select_related = ("approved_by", "content_type")
    change_list_template = "admin/memory_change_list.html"

    @admin.display(description=pgettext_lazy("translation memory", "source"), ordering="source")
    def source_text(self, entry):
        return _shortened(entry.source)

    @admin.display(description=pgettext_lazy("translation memory", "target"), ordering="target")
    def target_text(self, entry):
        return _shortened(entry.target)

    @admin.display(description=gettext_lazy("languages"), ordering="source_language")
    def languages(self, entry):
        """One column for the pair ("Chinese → English"), so that the dates stay in
        view at 1,280 px with the sidebar open."""
        return f"{language_name(entry.source_language)} → {language_name(entry.target_language)}"

    @admin.display(description=gettext_lazy("approved"), ordering="approved_at")
    def approved(self, entry):
        """The day and who approved it, the minute on hover: one column, so that the
        list keeps every column in view at 1,280 px with the sidebar open."""
        when = timezone.localtime(entry.approved_at)
        day = format_html(
            '<time datetime="{}" title="{}">{}</time>',
            when.isoformat(),
            date_format(when, "DATETIME_FORMAT"),
            date_format(when, "DATE_FORMAT"),
        )
        if entry.approved_by is None:
            return day
        return format_html("{}<br>{}", day, entry.approved_by.get_username())

    @admin.display(description=gettext_lazy("origin"))
    def origin(self, entry):
        """The record and field where the pair was approved, linked to the record
        when it is still there; an imported file's note otherwise."""
        if not entry.content_type_id:
            return entry.note
        model = entry.content_type.model_class()
        text = f"{entry.content_type.name} {entry.object_id} · {entry.field_label}"
        if model is None:
            return text
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_change"
        try:
            url = reverse(name, args=[entry.object_id])
        except NoReverseMatch:
            return text
        return format_html('<a href="{}">{}</a>', url, text)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path("export/", self.admin_site.admin_view(self.export_view), name=f"{name}_export"),
            path("import/", self.admin_site.admin_view(self.import_view), name=f"{name}_import"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_exchange": rules.can_exchange_memory(request.user),
        }
        return super().changelist_view(request, extra_context)

    def export_view(self, request):
        if not rules.can_exchange_memory(request.user):
            raise PermissionDenied
        response = HttpResponse(memory_tmx.export(), content_type="application/x-tmx")
        response["Content-Disposition"] = 'attachment; filename="translation-memory.tmx"'
        return response

    def import_view(self, request):
        if not rules.can_exchange_memory(request.user):
            raise PermissionDenied
        form = TmxUploadForm(request.POST or None, request.FILES or None)
        problems = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                read, added = memory_tmx.import_file(upload.read(), request.user, upload.name)
            except memory_tmx.TmxError as error:
                problems = error.problems
            else:
                message = _("%(read)s units read, %(added)s new pairs added.")
                messages.success(request, message % {"read": read, "added": added})
                return redirect(reverse("admin:portal_memoryentry_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a translation memory (TMX)"),
            "opts": self.model._meta,
            "form": form,
            "problems": problems,
        }
        return TemplateResponse(request, "admin/memory_import.html", context)
