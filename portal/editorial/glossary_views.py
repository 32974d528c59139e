"""The glossary's exchange buttons in the admin, for publishers only: export as TBX
or CSV, and import a file in two steps. The upload shows a preview (the names
it adds, those it changes and how, and every problem) and applies nothing; the
publisher confirms, and the same file, carried signed in the form, is checked
again against the glossary as it is then and applied all or nothing."""

import base64

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.editorial import glossary_entries, glossary_files

SALT = "portal.glossary.import"
MAX_AGE = 3600  # seconds a preview may be confirmed in


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Glossary file (.tbx or .csv)"),
        max_length=200,
    )


def can_exchange(user):
    return user.is_active and user.has_perms(["portal.add_term", "portal.change_term"])


def _allowed(request):
    if not can_exchange(request.user):
        raise PermissionDenied


def export(request):
    _allowed(request)
    extension = request.GET.get("format")
    if extension not in glossary_files.FORMATS:
        extension = "tbx"
    data, content_type = glossary_files.export(extension)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="glossary.{extension}"'
    return response


def import_(request):
    _allowed(request)
    form, plan, payload, filename = UploadForm(), None, None, None
    if request.method == "POST" and "payload" in request.POST:
        try:
            kept = signing.loads(request.POST["payload"], salt=SALT, max_age=MAX_AGE)
            filename, data = kept["name"], base64.b64decode(kept["data"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            messages.error(request, _("This preview has expired: upload the file again."))
            return redirect("admin:portal_term_import")
        plan = _plan(data, filename, form)
        if plan is not None and not plan.problems:
            return _apply(request, plan, filename)
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            filename, data = _upload(form)
            plan = _plan(data, filename, form)
            if plan is not None and not plan.problems and not plan.empty:
                payload = _payload(filename, data, form)
    context = {
        **admin.site.each_context(request),
        "title": _("Import official names"),
        "form": form,
        "plan": plan,
        "summary": _summary(plan) if plan else "",
        "payload": payload,
        "filename": filename,
        "opts": glossary_entries.Term._meta,
    }
    return TemplateResponse(request, "admin/portal/term/glossary_import.html", context)


def _upload(form):
    upload = form.cleaned_data["file"]
    return upload.name, upload.read(glossary_files.MAX_BYTES + 1)


def _payload(filename, data, form):
    """The file, signed, for the confirmation's form; None (and why, on `form`) when
    it would be more than a form may post."""
    payload = signing.dumps(
        {"name": filename, "data": base64.b64encode(data).decode()}, salt=SALT, compress=True
    )
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and len(payload) > limit - 10_000:
        form.add_error(
            None,
            _(
                "This file is too large to be confirmed here: import it with "
                "“manage.py glossary import”."
            ),
        )
        return None
    return payload


def _apply(request, plan, filename):
    glossary_entries.apply(plan, request.user, filename)
    messages.success(
        request,
        _("Imported from %(file)s: %(added)s names added, %(changed)s changed.")
        % {"file": filename, "added": len(plan.added), "changed": len(plan.changed)},
    )
    return redirect("admin:portal_term_changelist")


def _plan(data, filename, form):
    """The file's `Plan`, or None with the reason on `form`."""
    try:
        return glossary_entries.check(glossary_files.read(data, filename))
    except glossary_files.UnreadableGlossary as error:
        form.add_error(None, str(error))
        return None


def _summary(plan):
    return _("%(added)s names to add, %(changed)s to change, %(unchanged)s unchanged.") % {
        "added": len(plan.added),
        "changed": len(plan.changed),
        "unchanged": plan.unchanged,
    }
