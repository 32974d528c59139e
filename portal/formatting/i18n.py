"""Language helpers shared by views, templates, feeds and sitemaps."""

import functools

from django.conf import settings
from django.urls import get_urlconf, reverse, translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Each language named in itself, as the language switch shows it.
LANGUAGE_LABELS = {"zh-hans": "中文", "en": "English"}


SLUG = "0slug0"


@functools.lru_cache(maxsize=64)
def _address_with_slug(url_name, language, urlconf):
    with translation.override(language):
        return reverse(url_name, kwargs={"slug": SLUG}, urlconf=urlconf)


def slug_address_template(url_name, language):
    """The address of `url_name` in `language`, with SLUG where the slug goes;
    reversed once per URL name and language."""
    return _address_with_slug(url_name, language, get_urlconf())


def slug_address(url_name, slug):
    """`reverse(url_name, kwargs={"slug": slug})` in the active language, without a
    `reverse()` per call: lists of a hundred cards call it a hundred times."""
    return slug_address_template(url_name, translation.get_language()).replace(SLUG, slug)


def other_languages(language=None):
    language = language or translation.get_language()
    return [code for code in LANGUAGE_CODES if code != language]


def localized_value(obj, field, language=None):
    """The field's text in the active language, or else in the other one.

    Returns `(text, language_of_text)`; `("", active)` when neither has it.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    for code in [language, *other_languages(language)]:
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if value:
            return value, code
    return "", language


def alternate_urls(path):
    """`[(language, path), ...]`: this page in every language."""
    return [(code, translate_url(path, code)) for code in LANGUAGE_CODES]
