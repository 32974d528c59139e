"""A published record's edition per language, on its public page.

The rule itself is `Publishable.edition` (one record) and
`PublishableQuerySet.in_language` (lists); this module is what a detail page
does with it. An absent edition (translation never complete, not published in
the original language only) answers a short page in the visitor's language
saying so, linking the original; an original-only edition shows the original
under a notice. Neither is indexed, and neither is offered as an `hreflang`
alternate. A stale edition (complete once, its original changed since) shows
its last whole translation under a dated notice linking the original, and is
indexed like a complete one.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.models import Edition
from portal.editorial.translation_state import stale_since
from portal.formatting.dates import DatePrecision, format_partial_date
from portal.formatting.i18n import LANGUAGE_CODES, alternate_urls, localized

STATE_LABELS = {
    "complete": _("complete"),
    "missing": _("missing"),
    "stale": _("stale"),
    "awaiting": _("awaiting approval"),
}

# What lists and the feed say of a record published in its original language only.
ONLY_IN = {"zh-hans": _("Chinese only"), "en": _("English only")}


def only_in(record, language):
    """ "Chinese only" when `record` reaches visitors of `language` in its original
    language only (`Edition.ORIGINAL_ONLY`), else ""."""
    if record.edition(language) != Edition.ORIGINAL_ONLY:
        return ""
    return ONLY_IN.get(record.original_language, "")


# Each language named in the visitor's language ("英文" on the Chinese site).
LANGUAGE_NAMES = {
    "zh-hans": pgettext_lazy("language name", "Chinese"),
    "en": pgettext_lazy("language name", "English"),
}


STALE_MESSAGE = _(
    "The %(original)s original was updated on %(date)s; this %(language)s translation "
    "has not been updated yet."
)


def language_name(code):
    return LANGUAGE_NAMES.get(code) or dict(settings.LANGUAGES).get(code, code)


def stale_message(record, language):
    """The notice on `record`'s stale edition in `language` (the active one), its date
    in a `<time>`: "The English original was updated on …; this Chinese translation …"."""
    since = stale_since(record.translation_states, language)
    date = format_html(
        '<time datetime="{}">{}</time>',
        since.isoformat(),
        format_partial_date(since, DatePrecision.DAY),
    )
    names = {
        "original": conditional_escape(language_name(record.original_language)),
        "language": conditional_escape(language_name(language)),
    }
    return mark_safe(conditional_escape(STALE_MESSAGE) % {**names, "date": date})


class EditionMixin:
    """For a `DetailView` of a `Publishable`: the edition in the active language.

    `absent_message` and `original_only_message` take `%(language)s`: the
    visitor's language for the first, the original's for the second.
    `list_url_name` is where the language switch goes for an absent edition.
    A staff preview of an unpublished record shows the whole page, as before.
    """

    absent_template_name = "edition_absent.html"
    title_field = "title"
    absent_message = None
    original_only_message = None
    list_url_name = None

    def get_template_names(self):
        if self.absent:
            return [self.absent_template_name]
        return super().get_template_names()

    @property
    def absent(self):
        return self.object.is_live and self.edition == Edition.ABSENT

    def get_context_data(self, **kwargs):
        record = self.object
        self.edition = record.edition(translation.get_language())
        context = super().get_context_data(**kwargs)
        if not record.is_live:
            return context
        context.update(
            edition_context(
                record,
                self.absent_message,
                self.original_only_message,
                fallback=self.list_url_name,
                original_title=self.original_title(record),
            )
        )
        return context

    def original_title(self, record):
        return localized(record, self.title_field, record.original_language)

    def render_to_response(self, context, **kwargs):
        return noindex_unless_complete(super().render_to_response(context, **kwargs), context)


def edition_context(record, absent_message, original_only_message, fallback=None, **extra):
    """What a page shows of a live `record`'s edition in the active language: the
    edition, the notice (`edition_message`), the original's address and language,
    and `noindex` unless the edition is complete. `fallback` (a URL name) is where
    the language switch goes for an absent edition; `extra` joins the context."""
    language = translation.get_language()
    edition = record.edition(language)
    original = record.original_language
    with translation.override(original):
        original_url = record.get_absolute_url()
    context = dict(
        edition=edition,
        editions=record.editions(),
        edition_fallback=fallback,
        noindex=not edition.indexed,
        original_url=original_url,
        original_language=original,
        original_language_name=language_name(original),
        **extra,
    )
    if edition == Edition.ABSENT:
        context["edition_message"] = absent_message % {"language": language_name(language)}
    elif edition == Edition.ORIGINAL_ONLY:
        context["edition_message"] = original_only_message % {"language": language_name(original)}
    elif edition == Edition.STALE:
        context["edition_message"] = stale_message(record, language)
    return context


def noindex_unless_complete(response, context):
    """`X-Robots-Tag: noindex` on a page whose edition is not indexed (`Edition.indexed`)."""
    if context.get("noindex"):
        response["X-Robots-Tag"] = "noindex"
    return response


def alternates(path, editions=None, fallback=None):
    """`[(language, path, indexed)]` for the language switch and `hreflang` links.

    Without `editions` every language's address of `path`, all indexed. With them
    (a record's page), a language whose edition is absent points to `fallback`
    (a list page's URL name) instead, and only complete and stale editions are
    indexed (`Edition.indexed`)."""
    rows = []
    for code, address in alternate_urls(path):
        state = Edition(editions.get(code, Edition.COMPLETE) if editions else Edition.COMPLETE)
        if state == Edition.ABSENT and fallback:
            with translation.override(code):
                address = reverse(fallback)
        rows.append((code, address, state.indexed))
    return rows


OUTCOMES = {
    Edition.COMPLETE: _(
        "Visitors read it in %(language)s, in every list, search, feed and sitemap."
    ),
    Edition.STALE: _(
        "Visitors read its last complete %(language)s translation, in every list, search, "
        "feed and sitemap, under a notice that the %(original)s original was updated on "
        "%(date)s, until the translation is updated."
    ),
    Edition.ORIGINAL_ONLY: _(
        "Listed in %(language)s marked as available in %(original)s only, the original text "
        "under a notice; not offered to search engines in %(language)s."
    ),
    Edition.ABSENT: _(
        "Left out of the %(language)s lists, home page, search, feed and sitemap; its "
        "%(language)s address says it is not yet available and links the original. Complete "
        "the translation, or choose to publish in the original language only."
    ),
}


BECAME_STALE = _(
    "The %(language)s edition now shows its previous translation, with a notice that the "
    "original was updated, until the translation is updated."
)


def became_stale(before, record):
    """What to tell whoever just changed `record` (its `editions()` before were `before`):
    a line per edition that went stale, still public with its previous translation."""
    return [
        BECAME_STALE % {"language": language_name(code)}
        for code, edition in record.editions().items()
        if edition == Edition.STALE and before.get(code) != Edition.STALE
    ]


def publication_summary(record):
    """`[(language, translation state, what visitors get)]`: the publisher's view of
    a record's editions, on its change form."""
    from portal.editorial.translation_state import language_state

    original = record.original_language
    rows = []
    for code in LANGUAGE_CODES:
        edition = record.edition(code)
        since = stale_since(record.translation_states, code)
        outcome = OUTCOMES[edition] % {
            "language": language_name(code),
            "original": language_name(original),
            "date": format_partial_date(since, DatePrecision.DAY),
        }
        state = STATE_LABELS[language_state(record, code)]
        if code == original:
            state = _("original")
        rows.append((language_name(code), state, edition, outcome))
    return rows


def name_warnings(record):
    """`[(language name, field label, [lacking renderings])]`: the official names
    its translations lack, for the publisher to check before publishing."""
    return [
        (language_name(language), type(record)._meta.get_field(name).verbose_name, lacking)
        for language, name, lacking in record_warnings(record, Glossary())
    ]
