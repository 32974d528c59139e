"""Official names in the admin: publishers keep them, everyone else reads them
(`portal.editorial.roles`), every change kept as a version with its author.

The variants (accepted alternatives) and forbidden renderings are typed one per
line, a box per language (languages are the settings', not columns):
`Term.variants` and `Term.forbidden` hold them as `{language: [renderings]}`.
Publishers also exchange the whole glossary with CAT tools, as TBX or CSV
(`portal.editorial.glossary_views`).
"""

from django import forms
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.editorial import glossary_views
from portal.editorial.glossary import Term
from portal.editorial.translation_state import suffix
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS

# The model's JSON field → (its boxes' label, their help text).
RENDERINGS = {
    "variants": (
        _("Variants (%(language)s)"),
        _(
            "One per line: accepted alternatives to the official form, such as a short "
            "form. A translation using one lacks nothing."
        ),
    ),
    "forbidden": (
        _("Forbidden renderings (%(language)s)"),
        _(
            "One per line: forms a text must never use for this name. A text using "
            "one is refused, with the official form to write instead."
        ),
    ),
}


def renderings_field(kind, language):
    return f"{kind}_{suffix(language)}"


def forbidden_field(language):
    return renderings_field("forbidden", language)


def _lines(text):
    """The distinct non-empty lines of `text`, in their order."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class TermFormBase(forms.ModelForm):
    class Meta:
        model = Term
        fields = ("chinese", "english", "kind", "domain", "note", "source")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, (label, _help) in RENDERINGS.items():
            for language in LANGUAGE_CODES:
                name = renderings_field(kind, language)
                self.fields[name].label = gettext(label) % {"language": LANGUAGE_LABELS[language]}
                kept = (getattr(self.instance, kind) or {}).get(language, [])
                self.initial.setdefault(name, "\n".join(kept))

    def _post_clean(self):
        # Before the model's own checks (`Term.clean`), which compare them with the
        # official forms.
        for kind in RENDERINGS:
            value = {
                language: lines
                for language in LANGUAGE_CODES
                if (lines := _lines(self.cleaned_data.get(renderings_field(kind, language)) or ""))
            }
            setattr(self.instance, kind, value)
        super()._post_clean()


def _renderings_form_fields():
    return {
        renderings_field(kind, language): forms.CharField(
            label=label % {"language": LANGUAGE_LABELS[language]},
            required=False,
            widget=forms.Textarea(attrs={"rows": 3, "lang": language}),
            help_text=help_text,
        )
        for kind, (label, help_text) in RENDERINGS.items()
        for language in LANGUAGE_CODES
    }


TermForm = type(TermFormBase)("TermForm", (TermFormBase,), _renderings_form_fields())


class TermAdmin(SimpleHistoryAdmin):
    """Official names: publishers add, change and delete them; a version per change
    (the "History" button); everyone else in the back office reads them."""

    form = TermForm
    change_list_template = "admin/portal/term/change_list.html"
    list_display = ("chinese", "english", "kind", "domain", "source")
    list_filter = ("kind", "domain")
    search_fields = ("chinese", "english", "note", "source", "domain")
    fields = (
        "chinese",
        "english",
        *(renderings_field("variants", language) for language in LANGUAGE_CODES),
        *(forbidden_field(language) for language in LANGUAGE_CODES),
        "kind",
        "domain",
        "note",
        "source",
    )
    history_list_display = ("english", "variants", "forbidden")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("export/", view(glossary_views.export), name="portal_term_export"),
            path("import/", view(glossary_views.import_), name="portal_term_import"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_exchange": glossary_views.can_exchange(request.user),
        }
        return super().changelist_view(request, extra_context)
