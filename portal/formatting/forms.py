from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

DROPPED = _("That choice is not on the list, so it is left out.")

# A public list's filters are rendered on every page of the list, and the news list's
# city filter has an option per partner city (200 in the benchmark). Django's own
# widget templates render each option as a template of its own. The news filters, in
# one run in-process (median of 60 renders): 19.9 ms with Django's template engine,
# 8.5 ms with Jinja2, 4.5 ms with Jinja2 and the options written in place
# (portal/jinja2/portal/widgets/select.html), the same HTML from the last two.
FILTER_RENDERER = Jinja2()
SELECT_TEMPLATE = "portal/widgets/select.html"


class LenientFilterForm(forms.Form):
    """A list page's filters: each valid value applies, an invalid one is dropped.

    A visitor who edits the address gets the list without that filter, never
    an error page; beside the filter, a note says the value was left out (the
    note the field's `aria-describedby` names, so the template renders
    `field.errors`).
    """

    default_renderer = FILTER_RENDERER

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, "invalid_choice": DROPPED}
            if type(field.widget) is forms.Select:
                field.widget.template_name = SELECT_TEMPLATE

    def cleaned_values(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
