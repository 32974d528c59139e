from django import forms


class LenientFilterForm(forms.Form):
    """A list page's filters: each valid value applies, an invalid one is dropped.

    A visitor who edits the address gets the list without that filter, never
    an error page.
    """

    def cleaned_values(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
