"""The one interface views call: what matches a query, published, best first.

Articles come in two tiers, title matches then the rest, each newest first;
the backend counts and slices each tier from indexes alone, and only the
page's ids are fetched as records, through the records' own `published().in_language()`:
a stale entry can hide a result until it is reindexed, never show an
unpublished one or one without an edition in the language searched.
"""

from functools import cached_property

from django.db.models import Case, F, Value, When
from modeltranslation.utils import build_localized_fieldname

from cities.models import City
from news.models import Article
from office.models import OfficePage, ServiceGuide
from portal.editorial.models import LINK_FIELDS, fields_for
from portal.formatting.i18n import LANGUAGE_CODES
from portal.search.backends import COUNT_LIMIT, search_backend
from portal.search.tokens import query_terms

MAX_QUERY_LENGTH = 100
# What a result shows (portal/templates/portal/search.html), and nothing more: an
# article's title, source and body (for its snippet), a city's name, summary and country.
ARTICLE_FIELDS = (
    *fields_for("title", "source", plain=LINK_FIELDS),
    *(build_localized_fieldname("body", code) for code in LANGUAGE_CODES),
)
CITY_FIELDS = (
    *fields_for("name", "summary", plain=(*LINK_FIELDS, "country")),
    *fields_for("name", via="country__"),
)


def clean_query(raw):
    """The query as searched: whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


class RankedResults:
    """A lazy, sliceable list of matching records, as Paginator expects one."""

    def __init__(self, fetch, backend):
        """`fetch(ids)`: the records with these ids still to be shown, in any order."""
        self.fetch, self.backend = fetch, backend

    @cached_property
    def _counts(self):
        return self.backend.counts()

    @property
    def title_count(self):
        return self._counts[0]

    @property
    def total(self):
        return self._counts[1]

    @cached_property
    def rest_count(self):
        """Every title match is also a match of the whole text."""
        return max(0, self.total - self.title_count)

    def count(self):
        return min(self.total, COUNT_LIMIT)

    @property
    def capped(self):
        """True when there are more matches than were counted."""
        return self.count() >= COUNT_LIMIT

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop, self.count())
        ids = []
        if start < self.title_count:
            stop_in_title = min(stop, self.title_count)
            ids += self.backend.ids("title", start, stop_in_title - start, self.title_count)
        if stop > self.title_count:
            offset = max(0, start - self.title_count)
            limit = stop - self.title_count - offset
            ids += self.backend.ids("rest", offset, limit, self.rest_count)
        if not ids:
            return []
        found = {record.pk: record for record in self.fetch(ids)}
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        return iter(self[0 : self.count()])


def search_articles(query, language):
    """Published articles matching every term of `query`: title matches first, then newest."""
    terms = query_terms(query)
    if not terms:
        return []

    def fetch(ids):
        """The page's articles, if still published in `language`. Unordered: the ids
        give the order, and asked to sort, a database may walk a whole index in that
        order rather than look up these few rows."""
        articles = Article.objects.published().in_language(language).only(*ARTICLE_FIELDS)
        return articles.filter(pk__in=ids).order_by()

    return RankedResults(fetch, search_backend("article", language, terms))


def search_cities(query, language, limit=None):
    """Published partner cities matching `query`, name matches first, at most `limit`.

    A few hundred cities at most: their ids are fetched, then ranked in one query.
    """
    terms = query_terms(query)
    if not terms:
        return []
    matches = search_backend("city", language, terms).matches()
    if not matches:
        return []
    hits = [pk for pk, in_title in matches.items() if in_title]
    return list(
        City.objects.published()
        .in_language(language)
        .partners()
        .select_related("country")
        .only(*CITY_FIELDS)
        .filter(pk__in=list(matches))
        .annotate(name_hit=Case(When(pk__in=hits, then=1), default=0))
        .order_by("-name_hit", "slug")[:limit]
    )


OFFICE_COLUMNS = (
    *("pk", "title_zh_hans", "title_en", "summary_zh_hans", "summary_en"),
    *("original_language", "original_only", "translation_states"),  # for the "only in" mark
)


def search_office(query, language):
    """The office's published service guides, then its pages, matching `query`,
    title matches first: one query to the index, one for the records (a union of
    both tables' few columns, made into unsaved records that know their address)."""
    terms = query_terms(query)
    matches = search_backend("office", language, terms).matches() if terms else {}
    if not matches:
        return []
    guides = [pk for pk in matches if pk > 0]
    pages = [-pk for pk in matches if pk < 0]
    rows = (
        ServiceGuide.objects.published()
        .in_language(language)
        .filter(pk__in=guides)
        .order_by()
        .annotate(source=Value("guide"), key=F("slug"))
        .values_list(*OFFICE_COLUMNS, "source", "key")
        .union(
            OfficePage.objects.published()
            .in_language(language)
            .filter(pk__in=pages)
            .order_by()
            .annotate(source=Value("page"), key=F("kind"))
            .values_list(*OFFICE_COLUMNS, "source", "key"),
            all=True,
        )
    )
    records = []
    # A union's columns: the fields, then the annotations.
    for *values, kind, key in rows:
        fields = dict(zip(OFFICE_COLUMNS, values, strict=True))
        if kind == "guide":
            record, entry_id = ServiceGuide(slug=key, **fields), fields["pk"]
        else:
            record, entry_id = OfficePage(kind=key, **fields), -fields["pk"]
        records.append((not matches[entry_id], kind != "guide", str(record), record))
    return [record for *_order, record in sorted(records, key=lambda row: row[:3])]
