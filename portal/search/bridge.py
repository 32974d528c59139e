"""Search across the language line: a query that is an official name in another
language searches that name as the active language writes it ("Karachi" on the
Chinese site searches 卡拉奇; "沈阳" on the English one, Shenyang).

The bridge is the office's own data: the official names (the glossary's terms)
and the published cities' names in every language, read once per site revision
(no query on a search). Only a whole query that is such a name is bridged, never
a word inside a longer one, and the page says what was searched.
"""

from dataclasses import dataclass

from modeltranslation.utils import build_localized_fieldname

from cities.models import City
from portal.caching.counts import per_revision
from portal.editorial.glossary import Term
from portal.formatting.i18n import LANGUAGE_CODES, other_languages


@dataclass(frozen=True)
class Bridge:
    typed: str  # the query as the visitor typed it
    searched: str  # the same name in the active language
    language: str  # the language the visitor typed it in


def bridged_query(query, language):
    """The `Bridge` from `query` to its name in `language`, or None when `query` is
    no official name in another language (or is one in `language` too)."""
    if not query:
        return None
    found = per_revision(f"search-bridge:{language}", lambda: _names(language))
    searched, typed_in = found.get(query.casefold(), (None, None))
    if searched is None or searched.casefold() == query.casefold():
        return None
    return Bridge(typed=query, searched=searched, language=typed_in)


def _names(language):
    """`{name in another language, casefolded: (the name in language, that language)}`,
    read once per site revision: a few hundred cities and official names."""
    names = {}
    fields = [build_localized_fieldname("name", code) for code in LANGUAGE_CODES]
    for row in City.objects.published().values_list(*fields):
        by_language = dict(zip(LANGUAGE_CODES, row, strict=True))
        _add(names, by_language, language)
    for term in Term.objects.all():
        _add(names, {code: term.form_in(code) for code in LANGUAGE_CODES}, language)
    return names


def _add(names, by_language, language):
    wanted = by_language.get(language)
    if not wanted:
        return
    for code in other_languages(language):
        if by_language.get(code):
            names.setdefault(by_language[code].casefold(), (wanted, code))
