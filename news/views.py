from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from cities.models import City
from news.filters import ArticleFilterForm, filtered
from news.models import Article
from portal.editorial.counts import CountedPaginator, published_count
from portal.editorial.editions import EditionMixin
from portal.editorial.parts import kept_response
from portal.editorial.prepared import prepared
from portal.editorial.preview import StaffPreviewMixin
from portal.editorial.rules import can_preview, visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import localized


class ArticlePaginator(CountedPaginator):
    """The first pages in one query; a deeper page by its ids first, then those rows
    alone (a deferred join): the ids come from an index, so a deep page never reads
    the rows it passes over. Past the middle the ids are counted from the oldest end,
    reversed: the deepest page passes over no more rows than the middle one."""

    # Building the nested query costs more than passing over this many rows.
    DIRECT_ROWS = 200

    def __init__(self, listing, per_page, *, first_rows, **kwargs):
        """`listing()`: the list's queryset, built only for a deep page (a count is
        `count()`); `first_rows(bottom, top)`: the cards of a first page's rows."""
        super().__init__(None, per_page, **kwargs)
        self.listing = listing
        self.first_rows = first_rows

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < self.DIRECT_ROWS:
            return self._get_page(self.first_rows(bottom, top), number, self)
        ids = self.listing().values("pk")
        if bottom > self.count - top:
            ids = ids.reverse()[self.count - top : self.count - bottom]
        else:
            ids = ids[bottom:top]
        # Nothing but the ids: with the list's filters here too, a database may read
        # the whole list through its index to test each row against them.
        rows = Article.objects.filter(pk__in=ids).for_cards()
        return self._get_page(rows, number, self)


def _listed_cards(language, bottom, top, now, city=None, category=None):
    articles = filtered(Article.objects.published(now).in_language(language), city, category)
    return articles.for_cards()[bottom:top]


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 10

    def get(self, request, *args, **kwargs):
        """The page of cards, from the paginator's queries alone: the list's queryset
        is built only for a deep page or a count (building it costs more than a
        first page's prepared query)."""
        self.filter_form = ArticleFilterForm(request.GET)
        self.object_list = None
        return self.render_to_response(self.get_context_data())

    def get_queryset(self):
        return self.filter_form.filter(Article.objects.published().in_language(get_language()))

    def get_paginator(self, queryset, per_page, **kwargs):
        """The total from `published_count`: kept under the site revision, not
        counted on every view."""
        values = self.filter_form.cleaned_values()
        language = get_language()
        key = f"news:{language}:{values.get('city', '')}:{values.get('category', '')}"
        chosen = {name: values[name] for name in ("city", "category") if values.get(name)}

        def first_rows(bottom, top):
            """A first page's cards through a prepared query: one per language, filters
            chosen and page; the moment and the chosen slugs are its parameters."""
            if top <= bottom:  # nothing to show: no query (an empty slice compiles to none)
                return []
            shape = (language, bottom, top)
            return prepared("news:page", _listed_cards, *shape, now=timezone.now(), **chosen)

        return ArticlePaginator(
            self.get_queryset,
            per_page,
            count=lambda: published_count(Article, key, self.get_queryset),
            first_rows=first_rows,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filter_form,
            chosen_city=self.filter_form.chosen("city"),
            chosen_category=self.filter_form.chosen("category"),
            breadcrumbs=[crumb(None, _("News"))],
        )
        return context


class ArticleDetailView(EditionMixin, StaffPreviewMixin, DetailView):
    context_object_name = "article"
    list_url_name = "news:list"
    absent_message = gettext_lazy("This report is not yet available in %(language)s.")
    original_only_message = gettext_lazy(
        "This report is published in %(language)s only; what follows is the original text."
    )

    def get_queryset(self):
        return visible(Article, self.request.user).select_related("category", "lead_image")

    def get(self, request, *args, **kwargs):
        """A visitor's article from prepared queries, its whole response kept while
        they give the same rows (`kept_response`); staff, who may preview drafts,
        get the article through the queryset and a fresh page."""
        if can_preview(request.user, Article):
            return super().get(request, *args, **kwargs)
        found = prepared(
            "article:detail", _published_article, now=timezone.now(), slug=self.kwargs["slug"]
        )
        if not found:
            raise Http404
        self.found = found
        self.related_cities = related_cities(found.pks()[0])
        respond = super().get
        inputs = [found, self.related_cities]
        return kept_response(request, "article", inputs, lambda: respond(request, *args, **kwargs))

    def get_object(self, queryset=None):
        if hasattr(self, "found"):
            return self.found[0]
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            crumb("news:list", _("News")),
            crumb(None, localized(self.object, "title")),
        ]
        found = getattr(self, "related_cities", None)
        context["related_cities"] = found if found is not None else related_cities(self.object.pk)
        return context


def related_cities(article):
    """The partner cities of the article `article` (a primary key) that a visitor of
    the active language may open: a prepared query."""
    now = timezone.now()
    return prepared("article:cities", _related_cities, get_language(), now=now, article=article)


def _published_article(now, slug):
    return Article.objects.published(now).select_related("category", "lead_image").filter(slug=slug)


def _related_cities(language, now, article):
    """The article's partner cities a visitor of `language` may open."""
    return (
        City.objects.published(now)
        .in_language(language)
        .partners()
        .filter(articles=article)
        .for_lists()
    )
