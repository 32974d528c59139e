from django import forms
from django.utils.translation import gettext_lazy as _

DROPPED = _("That choice is not on the list, so it is left out.")


class LenientFilterForm(forms.Form):
    """A list page's filters: each valid value applies, an invalid one is dropped.

    A visitor who edits the address gets the list without that filter, never
    an error page; beside the filter, a note says the value was left out (the
    note the field's `aria-describedby` names, so the template renders
    `field.errors`).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, "invalid_choice": DROPPED}

    def cleaned_values(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
