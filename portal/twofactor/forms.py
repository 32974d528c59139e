from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class PasswordForm(AdminAuthenticationForm):
    """The admin's sign-in form, refusing a user name longer than any account's
    before it is checked. Django's form only sets the input's maxlength: a longer
    name went on to authenticate() and django-axes, whose record of the failure
    holds 255 characters, and PostgreSQL answered the insert with a server error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


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
