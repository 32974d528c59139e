"""Official names in the admin: publishers keep them, everyone else reads them
(`portal.editorial.roles`), every change kept as a version with its author.

The forbidden renderings are typed one per line, a box per language (languages are
the settings', not columns): `Term.forbidden` holds them as `{language: [renderings]}`.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.editorial.glossary import Term
from portal.editorial.translation_state import suffix
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS


def forbidden_field(language):
    return f"forbidden_{suffix(language)}"


def _lines(text):
    """The distinct non-empty lines of `text`, in their order."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class TermFormBase(forms.ModelForm):
    class Meta:
        model = Term
        fields = ("chinese", "english", "kind", "note", "source")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in LANGUAGE_CODES:
            name = forbidden_field(language)
            self.fields[name].label = gettext("Forbidden renderings (%(language)s)") % {
                "language": LANGUAGE_LABELS[language]
            }
            self.initial.setdefault(name, "\n".join(self.instance.forbidden_in(language)))

    def _post_clean(self):
        # Before the model's own checks (`Term.clean`), which compare them with the
        # official forms.
        self.instance.forbidden = {
            language: lines
            for language in LANGUAGE_CODES
            if (lines := _lines(self.cleaned_data.get(forbidden_field(language)) or ""))
        }
        super()._post_clean()


def _forbidden_form_fields():
    return {
        forbidden_field(language): forms.CharField(
            label=_("Forbidden renderings (%(language)s)")
            % {"language": LANGUAGE_LABELS[language]},
            required=False,
            widget=forms.Textarea(attrs={"rows": 3, "lang": language}),
            help_text=_(
                "One per line: forms a text must never use for this name. A text using "
                "one is refused, with the official form to write instead."
            ),
        )
        for language in LANGUAGE_CODES
    }


TermForm = type(TermFormBase)("TermForm", (TermFormBase,), _forbidden_form_fields())


class TermAdmin(SimpleHistoryAdmin):
    """Official names: publishers add, change and delete them; a version per change
    (the "History" button); everyone else in the back office reads them."""

    form = TermForm
    list_display = ("chinese", "english", "kind", "source")
    list_filter = ("kind",)
    search_fields = ("chinese", "english", "note", "source")
    fields = (
        "chinese",
        "english",
        *(forbidden_field(language) for language in LANGUAGE_CODES),
        "kind",
        "note",
        "source",
    )
    history_list_display = ("english", "forbidden")
