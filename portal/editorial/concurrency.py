"""No edit silently lost: a save based on an outdated copy of a record is refused.

The change form carries the `updated_at` it was loaded with. If the record has
been saved since, the form is shown again with the user's text intact and, for
each field where the saved record differs from what they submit, both
versions; submitting again then saves theirs on purpose.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

LOADED_AT = "loaded_at"


def _text(value):
    if hasattr(value, "all"):
        value = ", ".join(str(item) for item in value.all())
    elif isinstance(value, (list, tuple)) or (
        hasattr(value, "__iter__") and not isinstance(value, str)
    ):
        value = ", ".join(str(item) for item in value)
    return Truncator(strip_tags(str(value if value is not None else ""))).chars(300)


def conflict_message(form, saved):
    rows = []
    for name in form.changed_data:
        if name == LOADED_AT or name not in form.fields:
            continue
        current = getattr(saved, name, "")
        mine = form.cleaned_data.get(name)
        rows.append((form.fields[name].label or name, _text(current), _text(mine)))
    when = localize(localtime(saved.updated_at))
    intro = _(
        "Someone else saved this record at %(when)s, after you opened it. Nothing of yours "
        "is lost: your text is still in the form. Compare, then save again to keep yours."
    ) % {"when": when}
    table = format_html_join(
        "",
        "<li><strong>{}</strong>: {} <em>{}</em> · {} <em>{}</em></li>",
        ((label, _("saved:"), theirs, _("yours:"), mine) for label, theirs, mine in rows),
    )
    return format_html("{}<ul>{}</ul>", intro, table)


class ConcurrentEditForm(forms.ModelForm):
    """A form for a `Timestamped` model that refuses to overwrite a newer save."""

    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # From the database, not the instance: a restored old version is an
            # instance with an old time, and restoring it is no conflict.
            current = self._meta.model.objects.filter(pk=self.instance.pk)
            loaded = current.values_list("updated_at", flat=True).first()
            if loaded:
                self.initial[LOADED_AT] = loaded.isoformat()

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        # Locked until this save's transaction ends (the admin saves in one), so
        # two saves at the same moment are checked one after the other.
        current = self._meta.model.objects.select_for_update().filter(pk=self.instance.pk)
        saved = current.first()
        try:
            loaded = parse_datetime(self.data.get(self.add_prefix(LOADED_AT)) or "")
        except ValueError:  # a well-formed but impossible time: as if none were sent
            loaded = None
        if saved is not None and loaded is not None and saved.updated_at > loaded:
            # The form comes back carrying the newer version's time: saving again
            # is then a deliberate choice to keep this text.
            self.data = self.data.copy()
            self.data[self.add_prefix(LOADED_AT)] = saved.updated_at.isoformat()
            raise ValidationError(conflict_message(self, saved))
        return cleaned


class ConcurrentEditMixin:
    """For admins of `Timestamped` models."""

    form = ConcurrentEditForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], LOADED_AT]}), *rest]
