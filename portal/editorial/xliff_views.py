"""The admin's two XLIFF actions, beside the translation queue: export the
queue for a CAT tool; upload a translated file (`portal.editorial.xliff`)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.editorial.rules import can_use_translation_queue
from portal.editorial.translation_queue import translatable_models
from portal.editorial.xliff import export
from portal.editorial.xliff_import import UnreadableFile, import_file
from portal.formatting.i18n import LANGUAGE_CODES

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLIFF file"))


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
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            try:
                report = import_file(upload.read(), upload.name, request.user)
            except UnreadableFile as error:
                form.add_error("file", str(error))
    if report is not None and not report.refused:
        for line in report.lines():
            messages.success(request, line)
    context = {
        **admin.site.each_context(request),
        "title": _("Import translations (XLIFF)"),
        "form": form,
        "report": report,
    }
    return TemplateResponse(request, "admin/xliff_import.html", context)
