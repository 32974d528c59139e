from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from cities.models import City
from news.filters import ArticleFilterForm
from news.models import Article
from portal.editorial.preview import StaffPreviewMixin
from portal.editorial.rules import visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import localized


class ArticleListView(ListView):
    context_object_name = "articles"
    paginate_by = 10

    def get_queryset(self):
        self.filter_form = ArticleFilterForm(self.request.GET)
        return self.filter_form.filter(
            Article.objects.published().for_lists().select_related("category", "lead_image")
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


class ArticleDetailView(StaffPreviewMixin, DetailView):
    context_object_name = "article"

    def get_queryset(self):
        partners = City.objects.published().partners()
        return (
            visible(Article, self.request.user)
            .select_related("category", "lead_image")
            .prefetch_related(Prefetch("cities", queryset=partners))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            crumb("news:list", _("News")),
            crumb(None, localized(self.object, "title")),
        ]
        return context
