"""Official names: the term base every translation must follow.

A foreign-affairs office renders people, organisations, places and titles one
official way ("中国人民对外友好协会" is always "Chinese People's Association for
Friendship with Foreign Countries"). `Term` holds the pairs; `Glossary` finds
the terms in an original text and the required renderings a translation
lacks. Chinese matches as a substring (Chinese has no spaces between words);
English case-insensitively on word boundaries. An accepted variant
(`Term.variants`: a short form) counts as the rendering. A missing rendering is a
warning, never a block: grammar may change the form. A *forbidden* rendering
(`Term.forbidden`: "Lu Zhicheng" for 吕志成) is an error: `forbidden_errors`
refuses a record whose text uses one, wherever it is validated (the change
form, the workbench, an import, a pending change applied).

The model belongs to the `portal` app (its `models` module imports it).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname
from simple_history.models import HistoricalRecords

from portal.editorial.translation_state import suffix, text_fields
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS
from portal.formatting.richtext import plain_text


class TermKind(models.TextChoices):
    PERSON = "person", pgettext_lazy("official name kind", "person")
    ORGANISATION = "organisation", pgettext_lazy("official name kind", "organisation")
    PLACE = "place", pgettext_lazy("official name kind", "place")
    TITLE = "title", pgettext_lazy("official name kind", "title")
    OTHER = "other", pgettext_lazy("official name kind", "other")


class Term(models.Model):
    chinese = models.CharField(_("Chinese"), max_length=200, unique=True)
    english = models.CharField(_("English"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=TermKind.choices)
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the official form comes from: a document, a protocol list."),
    )
    # {language: [renderings]}: forms a text in that language must never use.
    forbidden = models.JSONField(_("forbidden renderings"), default=dict, blank=True)
    # {language: [renderings]}: accepted alternatives to the official form.
    variants = models.JSONField(_("variants"), default=dict, blank=True)
    domain = models.CharField(
        _("domain"),
        max_length=100,
        blank=True,
        help_text=_("The subject field, such as diplomacy, trade or education."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "english"]
        verbose_name = _("official name")
        verbose_name_plural = _("official names")
        app_label = "portal"

    def __str__(self):
        return f"{self.chinese} → {self.english}"

    def clean(self):
        super().clean()
        errors = {}
        for language, renderings in (self.forbidden or {}).items():
            official = self.form_in(language)
            clashing = [text for text in renderings if _matches(text, official, language)]
            accepted = [text for text in renderings if text in self.variants_in(language)]
            if clashing:
                errors[f"forbidden_{suffix(language)}"] = _(
                    "“%(rendering)s” is part of the official form “%(official)s”: it "
                    "cannot be forbidden."
                ) % {"rendering": clashing[0], "official": official}
            elif accepted:
                errors[f"forbidden_{suffix(language)}"] = _(
                    "“%(rendering)s” is also an accepted variant: it cannot be forbidden."
                ) % {"rendering": accepted[0]}
        if errors:
            raise ValidationError(errors)

    def form_in(self, language):
        return self.chinese if language.startswith("zh") else self.english

    def forbidden_in(self, language):
        return (self.forbidden or {}).get(language, [])

    def variants_in(self, language):
        return (self.variants or {}).get(language, [])


def _matches(needle, text, language):
    """Whether `text` contains `needle`: Chinese as a substring, other languages
    case-insensitively on word boundaries."""
    if language.startswith("zh"):
        return needle in text
    return bool(_english_pattern(needle).search(text))


def _english_pattern(text):
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    term: Term
    original: str  # the name as the original writes it
    required: str  # the rendering the translation must contain
    original_language: str
    target_language: str


class Glossary:
    """Every term, loaded once (a page checks many fields against one glossary)."""

    def __init__(self, terms=None):
        self.terms = list(Term.objects.all()) if terms is None else list(terms)
        self._patterns = {term.pk: _english_pattern(term.english) for term in self.terms}

    def _contains(self, text, term, language):
        """Whether `text` holds the official form of `term` or one of its variants."""
        variants = term.variants_in(language)
        if language.startswith("zh"):
            return term.chinese in text or any(variant in text for variant in variants)
        return bool(self._patterns[term.pk].search(text)) or any(
            _matches(variant, text, language) for variant in variants
        )

    def found(self, original, original_language, target_language):
        """The terms in `original` (HTML or plain), with the rendering required in
        `target_language`. Longer names are matched first and taken out of the text,
        so "沈阳" is found on its own but not inside "沈阳市人民对外友好协会"."""
        text = plain_text(original or "")
        kept = []
        for term in sorted(self.terms, key=lambda term: -len(term.form_in(original_language))):
            if not text:
                break
            if original_language.startswith("zh"):
                if term.chinese in text:
                    kept.append(term)
                    text = text.replace(term.chinese, "\n")
            else:
                text, count = self._patterns[term.pk].subn("\n", text)
                if count:
                    kept.append(term)
        return [
            Found(
                term,
                term.form_in(original_language),
                term.form_in(target_language),
                original_language,
                target_language,
            )
            for term in kept
        ]

    def lacking(self, found, translation, target_language):
        """The required renderings of `found` that `translation` does not contain
        (nothing while there is no translation at all: that is "missing")."""
        text = plain_text(translation or "")
        if not text:
            return []
        return [
            hit.required for hit in found if not self._contains(text, hit.term, target_language)
        ]

    def check(self, original, original_language, translation, target_language):
        """(found, lacking) for one field."""
        found = self.found(original, original_language, target_language)
        return found, self.lacking(found, translation, target_language)


@dataclass(frozen=True)
class Misuse:
    term: Term
    used: str  # the forbidden rendering the text contains
    language: str

    @property
    def official(self):
        return self.term.form_in(self.language)


def forbidden_uses(record):
    """`[(field name, Misuse)]`: every forbidden rendering the record's text uses, in
    any language (a forbidden form is wrong in an original as in a translation)."""
    terms = [term for term in Term.objects.exclude(forbidden={}) if term.forbidden]
    uses = []
    for name in text_fields(type(record)):
        for language in LANGUAGE_CODES:
            text = plain_text(getattr(record, build_localized_fieldname(name, language)) or "")
            if not text:
                continue
            uses += [
                (name, Misuse(term, used, language))
                for term in terms
                for used in term.forbidden_in(language)
                if _matches(used, text, language)
            ]
    return uses


def forbidden_messages(record):
    """`[(localized field name, message)]`, one for each forbidden rendering the
    record uses: its field, its language and the official form to write instead."""
    return [
        (
            build_localized_fieldname(name, misuse.language),
            _now(
                "%(field)s (%(language)s): “%(used)s” is not the official form of %(name)s; "
                "write “%(official)s”."
            )
            % {
                "field": capfirst(type(record)._meta.get_field(name).verbose_name),
                "language": LANGUAGE_LABELS[misuse.language],
                "used": misuse.used,
                "name": misuse.term.chinese,
                "official": misuse.official,
            },
        )
        for name, misuse in forbidden_uses(record)
    ]


def forbidden_errors(record):
    """Raise a `ValidationError` with the `forbidden_messages` of the record, if any."""
    lines = [message for _name, message in forbidden_messages(record)]
    if lines:
        raise ValidationError(lines, code="forbidden_rendering")


def record_warnings(record, glossary, languages=None, original_language=None):
    """`[(language, field name, [lacking renderings])]` for every translation of
    `record` (into `languages`, or every language but its original) that lacks
    an official name its original contains. A picture, which has no original
    language of its own, is given its owner's."""
    original_language = original_language or record.original_language
    warnings = []
    for language in languages or LANGUAGE_CODES:
        if language == original_language:
            continue
        for name in text_fields(type(record)):
            original = getattr(record, build_localized_fieldname(name, original_language))
            translation = getattr(record, build_localized_fieldname(name, language))
            if not original or not translation:
                continue
            lacking = glossary.check(original, original_language, translation, language)[1]
            if lacking:
                warnings.append((language, name, lacking))
    return warnings
