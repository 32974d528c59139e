from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from cities.models import City
from news.filters import ArticleFilterForm
from news.models import Article
from portal.caching.counts import count
from portal.editorial.editions import EditionMixin
from portal.editorial.preview import StaffPreviewMixin
from portal.editorial.rules import visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import localized


class ArticlePaginator(Paginator):
    """The first pages in one query; a deeper page by its ids first, then those rows
    alone (a deferred join): the ids come from an index, so a deep page never reads
    the rows it passes over. Past the middle the ids are counted from the oldest end,
    reversed: the deepest page passes over no more rows than the middle one."""

    # Building the nested query costs more than passing over this many rows.
    DIRECT_ROWS = 200

    def __init__(self, listing, per_page, count, **kwargs):
        """`listing`: the list's queryset; its total is `count()`, called once when
        first needed (kept per site revision)."""
        super().__init__(None, per_page, **kwargs)
        self.listing = listing
        self._count = count

    @cached_property
    def count(self):
        return self._count()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < self.DIRECT_ROWS:
            return self._get_page(self.listing.for_cards()[bottom:top], number, self)
        ids = self.listing.values("pk")
        if bottom > self.count - top:
            ids = ids.reverse()[self.count - top : self.count - bottom]
        else:
            ids = ids[bottom:top]
        # Nothing but the ids: with the list's filters here too, a database may read
        # the whole list through its index to test each row against them.
        rows = Article.objects.filter(pk__in=ids).for_cards()
        return self._get_page(rows, number, self)


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 10

    def get_queryset(self):
        self.filter_form = ArticleFilterForm(self.request.GET)
        return self.filter_form.filter(Article.objects.published().in_language(get_language()))

    def get_paginator(self, queryset, per_page, **kwargs):
        """The total from `count`: kept under the site revision, not counted on
        every view."""
        values = self.filter_form.cleaned_values()
        key = f"news:{get_language()}:{values.get('city', '')}:{values.get('category', '')}"
        return ArticlePaginator(queryset, per_page, count=lambda: count(key, queryset), **kwargs)

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
        partners = City.objects.published().in_language(get_language()).partners()
        return (
            visible(Article, self.request.user)
            .select_related("category", "lead_image")
            .prefetch_related(Prefetch("cities", queryset=partners.for_lists(), to_attr="partners"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            crumb("news:list", _("News")),
            crumb(None, localized(self.object, "title")),
        ]
        context["related_cities"] = self.object.partners
        return context
