from django.views.generic import DetailView, ListView

from news.models import Article


class PublishedArticleMixin:
    def get_queryset(self):
        return Article.objects.published().select_related("category")


class ArticleListView(PublishedArticleMixin, ListView):
    context_object_name = "articles"
    paginate_by = 20


class ArticleDetailView(PublishedArticleMixin, DetailView):
    context_object_name = "article"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("cities")
