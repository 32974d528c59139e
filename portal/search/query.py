"""The one interface views call: what matches a query, published, best first.

Results come in two tiers, title matches then the rest, each newest first.
Each tier is read from `SearchEntry`'s covering index (filter, order and ids
in one index walk), and only the page's ids are fetched as records, through
the records' own `published()`: a stale entry can hide a result until it is
reindexed, but never show an unpublished one.
"""

from functools import cached_property

from django.db.models import Case, When

from cities.models import City
from news.models import Article
from portal.models import SearchEntry
from portal.search.backends import match
from portal.search.tokens import query_terms

MAX_QUERY_LENGTH = 100


def clean_query(raw):
    """The query as searched: whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


class RankedResults:
    """A lazy, sliceable list of matching records, as Paginator expects one."""

    def __init__(self, records, kind, terms, language, order=("-published_at", "-object_id")):
        self.records = records
        entries = SearchEntry.objects.published().filter(kind=kind, language=language)
        self.all = match(entries, terms).order_by(*order).values_list("object_id", flat=True)
        self.titles = (
            match(entries, terms, column="title").order_by(*order).values_list("object_id", flat=True)
        )
        self.bodies = self.all.exclude(pk__in=match(entries, terms, column="title").values("pk"))

    @cached_property
    def title_count(self):
        return self.titles.count()

    def count(self):
        return self._count

    @cached_property
    def _count(self):
        return self.all.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        ids = []
        if start < self.title_count:
            ids += list(self.titles[start : min(stop, self.title_count)])
        if stop > self.title_count:
            ids += list(self.bodies[max(0, start - self.title_count) : stop - self.title_count])
        found = {record.pk: record for record in self.records.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        return iter(self[0 : self.count()])


def search_articles(query, language):
    """Published articles matching every term of `query`: title matches first, then newest."""
    terms = query_terms(query)
    if not terms:
        return []
    articles = Article.objects.published().select_related("category")
    return RankedResults(articles, "article", terms, language)


def search_cities(query, language):
    """Published partner cities matching `query`: name matches first.

    A few hundred cities at most, so one query ranks them all.
    """
    terms = query_terms(query)
    if not terms:
        return City.objects.none()
    entries = SearchEntry.objects.filter(kind="city", language=language)
    in_name = match(entries, terms, column="title").values("object_id")
    return (
        City.objects.published()
        .partners()
        .select_related("country")
        .filter(pk__in=match(entries, terms).values("object_id"))
        .annotate(name_hit=Case(When(pk__in=in_name, then=1), default=0))
        .order_by("-name_hit", "slug")
    )
