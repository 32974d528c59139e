"""The PDF form field: every upload goes through `office.pdf.clean_pdf` before it is stored."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.pdf import FORMS_DIR, MAX_FORM_BYTES, clean_pdf


def form_path(instance, filename):
    """forms/<random>.pdf: the random name `clean_pdf` gave."""
    return f"{FORMS_DIR}/{filename.rsplit('/', 1)[-1]}"


class PdfFormField(forms.FileField):
    """Refuses what `clean_pdf` refuses, with its message on the field; returns the
    rewritten file for the model to store."""

    default_error_messages = {
        "invalid": _("No file was submitted. Check the form's encoding."),
    }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return clean_pdf(upload)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": "application/pdf"}


class PdfField(models.FileField):
    """A PDF in the default storage under a random name; served by `office.views.form`
    as a download, never at a storage address."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", form_path)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PdfFormField, **kwargs})


__all__ = ["MAX_FORM_BYTES", "PdfField", "PdfFormField"]
