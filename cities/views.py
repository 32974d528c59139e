from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from cities.counts import counts_sentence, latest_stated_total, record_counts
from cities.directory import directory_diagram
from cities.filters import CityFilterForm, countries_with_partners
from cities.models import City, Stage
from cities.models.facts import citations_of
from portal.care import is_on as care_mode
from portal.editorial.editions import EditionMixin
from portal.editorial.preview import StaffPreviewMixin
from portal.editorial.rules import visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import localized


class CityListView(TemplateView):
    """The directory: headline counts, the diagram of directions and distances, and a
    card per partner."""

    template_name = "cities/city_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filter_form = CityFilterForm(self.request.GET, countries_with_partners())
        partners = City.objects.published().in_language(get_language()).partners()
        cities = list(filter_form.filter(partners).for_cards().with_gallery())
        home = City.objects.home().published().only(*_NAME_AND_PLACE).first()
        context.update(
            cities=cities,
            home_city=home,
            filter_form=filter_form,
            filtered=bool(filter_form.cleaned_values().keys() - {"order"}),
            diagram=directory_diagram(cities, home, care_mode(self.request)),
            on_record=counts_sentence(record_counts()),
            stated_total=latest_stated_total(),
            breadcrumbs=[crumb(None, _("Partner cities"))],
        )
        return context


_NAME_AND_PLACE = ("name_zh_hans", "name_en", "latitude", "longitude")


class CityDetailView(EditionMixin, StaffPreviewMixin, DetailView):
    context_object_name = "city"
    list_url_name = "cities:list"
    title_field = "name"
    absent_message = gettext_lazy("This city profile is not yet available in %(language)s.")
    original_only_message = gettext_lazy(
        "This city profile is published in %(language)s only; what follows is the original text."
    )

    def get_queryset(self):
        return visible(City, self.request.user).partners().select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        city = self.object
        stages = relationship_path(Stage.objects.filter(city=city).for_path().order_by())
        # Through the relation news declares, so that cities never imports news.
        articles = city.articles.published().in_language(get_language()).for_lists()
        home = City.objects.home().published().select_related("country").first()
        # The city's and the home city's (the comparison's figures) in one query.
        cited = list(citations_of(*([city, home] if home else [city])))
        own = [link for link in cited if link.fact.city_id == city.pk]
        home_citations = [link for link in cited if home and link.fact.city_id == home.pk]
        context.update(
            gallery=list(city.photos.all()),
            exchanges=list(city.exchanges.for_timeline()),
            related_articles=articles.select_related("category", "lead_image")[:5],
            home=home,
            stages=stages,
            provenance=city.provenance(own, stages, home, home_citations),
            breadcrumbs=[
                crumb("cities:list", _("Partner cities")),
                crumb(None, localized(city, "name")),
            ],
        )
        return context


def relationship_path(stages):
    """A city's stages in time, each with `report`: its live article's address, else ""."""
    stages = sorted(stages, key=lambda stage: stage.sort_key)
    for stage in stages:
        article = stage.article
        stage.report = article.get_absolute_url() if article and article.is_live else ""
    return stages
