"""Versions in the back office: every save is kept (django-simple-history); a
publisher compares any two versions field by field, in both languages, and
restores one, which becomes a new version."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from portal.editorial.rules import can_restore
from portal.editorial.translation_state import text_fields
from portal.formatting.diffs import word_diff
from portal.formatting.richtext import plain_text

# Bookkeeping that changes with every save and says nothing to a reader.
HIDDEN_FIELDS = {"updated_at", "created_at", "translation_basis", "translation_states"}


def shown_fields(model):
    """Fields a reader compares: translated text per language, and the rest, not the
    untranslated copies modeltranslation keeps."""
    originals = set(text_fields(model))
    return [
        field
        for field in model._meta.fields
        if field.editable and field.name not in originals and field.name not in HIDDEN_FIELDS
    ]


class VersionsMixin(SimpleHistoryAdmin):
    object_history_template = "admin/versions_history.html"

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version is a publisher's decision."""
        if request.method == "POST" and not can_restore(request.user, self.model):
            raise PermissionDenied
        extra_context = {
            **(extra_context or {}),
            "may_restore": can_restore(request.user, self.model),
        }
        return super().history_form_view(request, object_id, version_id, extra_context)

    def compare_view(self, request, object_id):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404
        if not self.has_view_or_change_permission(request, record):
            raise PermissionDenied
        versions = list(record.history.select_related("history_user").order_by("-history_id"))
        chosen = {version.history_id: version for version in versions}
        new = chosen.get(_int(request.GET.get("new")), versions[0] if versions else None)
        older = [version for version in versions if new and version.history_id < new.history_id]
        old = chosen.get(_int(request.GET.get("old")), older[0] if older else new)
        rows = []
        if old and new:
            for field in shown_fields(self.model):
                before, after = getattr(old, field.attname), getattr(new, field.attname)
                if before != after:
                    rows.append((field.verbose_name, *word_diff(_plain(before), _plain(after))))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of %(record)s") % {"record": record},
            "record": record,
            "opts": self.model._meta,
            "versions": versions,
            "old": old,
            "new": new,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/compare_versions.html", context)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _plain(value):
    return plain_text(str(value)) if value not in (None, "") else "—"
