"""The completeness matrix page and its CSV (`portal.editorial.matrix`)."""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.editorial import matrix
from portal.editorial.rules import can_use_translation_queue
from portal.editorial.translation_queue import translatable_models
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS
from portal.formatting.spreadsheets import neutralise

STATE_CHOICES = {
    matrix.MISSING: gettext_lazy("missing"),
    matrix.STALE: gettext_lazy("stale"),
    matrix.AWAITING: gettext_lazy("awaiting approval"),
    matrix.FLAGGED: gettext_lazy("lacking official names"),
    matrix.COMPLETE: gettext_lazy("complete"),
}


def _filters(request):
    kinds = {model._meta.label_lower: model._meta.verbose_name_plural for model in matrix.kinds()}
    kind = request.GET.get("type") or ""
    state = request.GET.get("state") or ""
    language = request.GET.get("language") or ""
    return (
        kinds,
        kind if kind in kinds else "",
        state if state in matrix.STATES else "",
        language if language in LANGUAGE_CODES else "",
    )


def completeness_matrix(request):
    """Every translated record × language: state and counts, filters, totals, CSV."""
    if not can_use_translation_queue(request.user, translatable_models()):
        raise PermissionDenied
    kinds, kind, state, language = _filters(request)
    rows = matrix.build(kind or None)
    totals = matrix.totals(rows)
    if state:
        rows = [row for row in rows if row.has(state, language or None)]
    if request.GET.get("format") == "csv":
        return _csv(rows)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation completeness"),
        "rows": [(row, _cells(row)) for row in rows],
        "languages": [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES],
        "totals": [
            _("%(language)s: %(complete)d of %(total)d published records complete")
            % {"language": LANGUAGE_LABELS[code], "complete": complete, "total": total}
            for code, complete, total in totals
        ],
        "kinds": sorted(kinds.items(), key=lambda item: str(item[1])),
        "states": list(STATE_CHOICES.items()),
        "chosen": {"type": kind, "state": state, "language": language},
        "csv_query": request.GET.copy(),
    }
    context["csv_query"]["format"] = "csv"
    context["csv_query"] = context["csv_query"].urlencode()
    return TemplateResponse(request, "admin/translation_matrix.html", context)


def _cells(row):
    cells = []
    for code in LANGUAGE_CODES:
        cell = row.cells[code]
        url = None
        if cell.state != "original":
            label, pk = row.workbench
            url = reverse("translation_workbench", args=[label, pk, code])
        cells.append((code, cell, matrix.state_label(cell.shown), url))
    return cells


def _csv(rows):
    """The matrix as CSV; a record's name is text a spreadsheet must not run
    (`portal.formatting.spreadsheets`)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-completeness.csv"'
    writer = csv.writer(response)
    header = ["type", "id", "record", "original language", "published"]
    for code in LANGUAGE_CODES:
        header += [f"{code} state", f"{code} missing", f"{code} stale", f"{code} flagged"]
    writer.writerow(header)
    for row in rows:
        line = [row.kind, row.record.pk, str(row.record), row.original_language, int(row.public)]
        for code in LANGUAGE_CODES:
            cell = row.cells[code]
            line += [cell.shown, cell.missing, cell.stale, cell.flagged]
        writer.writerow([neutralise(value) for value in line])
    return response
