from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """Six digits from the authenticator app, or a backup code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        # As people copy them: with spaces or a dash, in either case.
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()
