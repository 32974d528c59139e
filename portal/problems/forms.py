"""The visitor's form: the page, what is wrong, an optional contact, and a honeypot."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.problems.models import CONTACT_MAX, DESCRIPTION_MAX, PAGE_MAX, ProblemReport

BAD_PAGE = _("Give the address of a page on this site, for example /en/news/.")


def same_site_path(value, host):
    """The path (with its query) of `value` when it is an address on this site
    (`/en/news/` or `https://<host>/en/news/`), else None."""
    value = (value or "").strip()
    if not value or len(value) > PAGE_MAX or any(ord(char) < 32 for char in value):
        return None
    if not url_has_allowed_host_and_scheme(value, allowed_hosts={host}, require_https=False):
        return None
    parts = urlsplit(value)
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class ProblemReportForm(forms.ModelForm):
    # Hidden from people (CSS and aria-hidden); a robot filling every field fills it.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = ProblemReport
        fields = ("page", "description", "contact")
        labels = {"page": _("Page address"), "contact": _("Your email or telephone (optional)")}
        help_texts = {
            "page": _("Filled in with the page you came from; change it if need be."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX}),
            "contact": forms.TextInput(attrs={"maxlength": CONTACT_MAX, "autocomplete": "email"}),
        }

    def __init__(self, *args, host, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host
        self.fields["description"].help_text = gettext("At most %(count)s characters.") % {
            "count": DESCRIPTION_MAX
        }
        self.fields["contact"].help_text = gettext(
            "Only if you would like an answer. Erased after %(days)s days at most."
        ) % {"days": settings.REPORT_RETENTION_DAYS}
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_page(self):
        path = same_site_path(self.cleaned_data["page"], self.host)
        if path is None:
            raise forms.ValidationError(BAD_PAGE)
        return path

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
