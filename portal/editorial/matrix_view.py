"""The completeness matrix page and its CSV (`portal.editorial.matrix`)."""

import csv

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.editorial import matrix
from portal.editorial.analysis import BANDS, legend
from portal.editorial.rules import can_use_translation_queue
from portal.editorial.translation_queue import translatable_models
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS
from portal.formatting.spreadsheets import neutralise

# Records per page, and per query of the CSV.
PAGE_SIZE = 100
CSV_BATCH = 2000

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
    """Every translated record × language: state and counts, filters, totals, CSV;
    a page of records at a time."""
    if not can_use_translation_queue(request.user, translatable_models()):
        raise PermissionDenied
    kinds, kind, state, language = _filters(request)
    of_kind = matrix.summaries(kind or None)
    summaries = matrix.matching(of_kind, state, language or None)
    if request.GET.get("format") == "csv":
        return _csv(summaries)
    paginator = Paginator(summaries, PAGE_SIZE)
    # Counted with the totals, in one pass over the summaries rather than two.
    paginator.count, totals = matrix.counts(of_kind, state, language or None)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation completeness"),
        "rows": [(row, _cells(row)) for row in matrix.rows(matrix.with_awaiting(page.object_list))],
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "query": query.urlencode(),
        "languages": [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES],
        "totals": [
            _("%(language)s: %(complete)d of %(total)d published records complete")
            % {"language": LANGUAGE_LABELS[code], "complete": complete, "total": total}
            for code, complete, total in totals
        ],
        "count_totals": [
            (LANGUAGE_LABELS[code], counts)
            for code, counts in matrix.count_totals(summaries)
            if counts
        ],
        "legend": legend(),
        "kinds": sorted(kinds.items(), key=lambda item: str(item[1])),
        "states": list(STATE_CHOICES.items()),
        "chosen": {"type": kind, "state": state, "language": language},
        "csv_query": request.GET.copy(),
    }
    context["csv_query"]["format"] = "csv"
    context["csv_query"].pop("page", None)
    context["csv_query"] = context["csv_query"].urlencode()
    return TemplateResponse(request, "admin/translation_matrix.html", context)


def _cells(row):
    cells = []
    for code in LANGUAGE_CODES:
        cell = row.cells[code]
        url = None
        if cell.state != matrix.ORIGINAL:
            label, pk = row.workbench
            url = reverse("translation_workbench", args=[label, pk, code])
        cells.append((code, cell, matrix.state_label(cell.shown), url))
    return cells


class _Echo:
    """A file that hands back what is written to it: each CSV line, for streaming."""

    def write(self, value):
        return value


def _csv(summaries):
    """The matrix as CSV, streamed a batch of records at a time; a record's name is text
    a spreadsheet must not run (`portal.formatting.spreadsheets`)."""
    response = StreamingHttpResponse(_lines(summaries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-completeness.csv"'
    return response


def _lines(summaries):
    writer = csv.writer(_Echo())
    header = ["type", "id", "record", "original language", "published"]
    for code in LANGUAGE_CODES:
        header += [f"{code} state", f"{code} missing", f"{code} stale", f"{code} flagged"]
        header += [f"{code} unit", f"{code} total", *(f"{code} {band}" for band in BANDS)]
    yield writer.writerow(header)
    for type_id in sorted(
        {ct.pk for ct in ContentType.objects.get_for_models(*matrix.kinds()).values()}
    ):
        last = 0
        while True:
            # Keyset, not OFFSET: each batch starts where the last one ended.
            records = summaries.filter(content_type_id=type_id, object_id__gt=last)
            batch = matrix.rows(matrix.with_awaiting(records.order_by("object_id")[:CSV_BATCH]))
            for row in batch:
                yield writer.writerow([neutralise(value) for value in _line(row)])
            if len(batch) < CSV_BATCH:
                break
            last = batch[-1].pk


def _line(row):
    line = [row.kind, row.pk, row.record, row.original_language, int(row.public)]
    for code in LANGUAGE_CODES:
        cell = row.cells[code]
        line += [cell.shown, cell.missing, cell.stale, cell.flagged]
        count = cell.count
        if count is None:
            line += [""] * (2 + len(BANDS))
        else:
            line += [count.unit, count.total, *(count.bands[band] for band in BANDS)]
    return line
