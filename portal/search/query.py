"""The one interface views call: what matches a query, published, best first."""

from django.db.models import Case, IntegerField, Value, When

from cities.models import City
from news.models import Article
from portal.models import SearchEntry
from portal.search.backends import match
from portal.search.tokens import query_terms

MAX_QUERY_LENGTH = 100


def clean_query(raw):
    """The query as searched: whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def _ranked(queryset, kind, terms, language, *newest_first):
    entries = SearchEntry.objects.filter(kind=kind, language=language)
    matching = match(entries, terms).values("object_id")
    in_title = match(entries, terms, column="title").values("object_id")
    return (
        queryset.filter(pk__in=matching)
        .annotate(
            title_hit=Case(
                When(pk__in=in_title, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("-title_hit", *newest_first)
    )


def search_articles(query, language):
    """Published articles matching every term of `query`: title matches first, then newest."""
    terms = query_terms(query)
    if not terms:
        return Article.objects.none()
    articles = Article.objects.published().select_related("category")
    return _ranked(articles, "article", terms, language, "-published_at", "-pk")


def search_cities(query, language):
    """Published partner cities matching `query`: name matches first."""
    terms = query_terms(query)
    if not terms:
        return City.objects.none()
    cities = City.objects.published().partners().select_related("country")
    return _ranked(cities, "city", terms, language, "slug")
