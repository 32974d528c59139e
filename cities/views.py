from django.views.generic import DetailView, ListView

from cities.models import City


class PublishedCityMixin:
    def get_queryset(self):
        return City.objects.published().partners().select_related("country")


class CityListView(PublishedCityMixin, ListView):
    context_object_name = "cities"


class CityDetailView(PublishedCityMixin, DetailView):
    context_object_name = "city"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("exchanges")
