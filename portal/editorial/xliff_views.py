"""The admin's XLIFF actions, beside the translation queue: export the queue (or
everything) for a CAT tool; upload a translated file (`portal.editorial.xliff_import`),
imported within the request when small, else by a background job
(`portal.editorial.xliff_jobs`) whose page shows its uploader how it goes."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.editorial import xliff_jobs
from portal.editorial.import_jobs import XliffImport
from portal.editorial.qa_gate import REASON_LENGTH
from portal.editorial.rules import can_publish_any, can_use_translation_queue
from portal.editorial.translation_queue import translatable_models
from portal.editorial.xliff import export
from portal.editorial.xliff_import import UnreadableFile, import_file
from portal.editorial.xliff_reading import read
from portal.formatting.i18n import LANGUAGE_CODES

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLIFF file"))
    qa_reason = forms.CharField(
        label=gettext_lazy("Reason for importing over QA errors"),
        help_text=gettext_lazy(
            "Publishers only. Left empty, a unit with a QA error is refused (and so the file). "
            "Written, the units you may publish are imported over their QA errors, and the "
            "reason is kept in each version saved."
        ),
        required=False,
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, publisher=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not publisher:
            del self.fields["qa_reason"]


def _allowed(request):
    if not can_use_translation_queue(request.user, translatable_models()):
        raise PermissionDenied


def xliff_export(request):
    _allowed(request)
    language = request.GET.get("language")
    if language not in LANGUAGE_CODES:
        language = "en"
    everything = request.GET.get("all") == "1"
    data, _count = export(language, everything=everything)
    response = HttpResponse(data, content_type="application/x-xliff+xml; charset=utf-8")
    name = f"portal-{language}-all" if everything else f"portal-{language}"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlf"'
    return response


def xliff_import(request):
    _allowed(request)
    publisher = can_publish_any(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, publisher=publisher)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            data = upload.read()
            reason = form.cleaned_data.get("qa_reason", "")
            try:
                _language, units = read(data)
                if len(units) > settings.XLIFF_IMPORT_INLINE_UNITS:
                    job = xliff_jobs.start(data, upload.name, request.user, reason)
                    return redirect(job)
                report = import_file(data, upload.name, request.user, qa_reason=reason)
            except UnreadableFile as error:
                form.add_error("file", str(error))
    if report is not None and not report.refused:
        for line in report.lines():
            messages.success(request, line)
    context = {
        **admin.site.each_context(request),
        "title": _("Import translations (XLIFF)"),
        "form": form,
        "report_lines": report.lines(limit=xliff_jobs.LISTED) if report else None,
        "jobs": XliffImport.objects.filter(user=request.user).defer("data")[:5],
    }
    return TemplateResponse(request, "admin/xliff_import.html", context)


def xliff_import_job(request, pk):
    """A background import's progress, then what it did: for its uploader only."""
    _allowed(request)
    job = get_object_or_404(XliffImport.objects.defer("data"), pk=pk, user=request.user)
    context = {
        **admin.site.each_context(request),
        "title": _("Import of %(file)s") % {"file": job.filename},
        "job": job,
    }
    return TemplateResponse(request, "admin/xliff_import_job.html", context)
