"""The picture field: every upload goes through `ingest` before it is stored."""

import posixpath

from django import forms
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.pictures.ingest import MAX_BYTES, ingest
from portal.pictures.storage import ORIGINALS_DIR, originals_storage

ACCEPT = "image/jpeg,image/png,image/webp"


def original_path(instance, filename):
    """originals/3f/3f2a….jpg: the random name `ingest` gave, sharded by its start."""
    name = posixpath.basename(filename)
    return f"{ORIGINALS_DIR}/{name[:2]}/{name}"


class PictureWidget(forms.ClearableFileInput):
    """A file input that shows the picture's small rendition, not a link to
    the original (originals are never served)."""

    template_name = "portal/widgets/picture.html"

    def __init__(self, attrs=None):
        super().__init__({"accept": ACCEPT, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and instance.rendition_widths:
            context["widget"]["thumbnail"] = instance.rendition_url(
                instance.rendition_widths[0], "jpg"
            )
            context["widget"]["dimensions"] = format_html(
                "{} × {}", instance.width, instance.height
            )
        return context


class PictureFormField(forms.FileField):
    """Refuses anything `ingest` refuses, with its message on the field; returns
    the cleaned file (random name, no metadata) for the model to store."""

    widget = PictureWidget
    default_error_messages = {
        "invalid": _("No file was submitted. Check the form's encoding."),
    }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        clean = ingest(upload)
        content = clean.encode()
        content.clean_image = clean
        return content

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "data-max-bytes": MAX_BYTES}


class PictureField(models.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", original_path)
        kwargs.setdefault("storage", originals_storage)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureFormField, **kwargs})
