from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from cities.counts import counts_sentence, latest_stated_total, record_counts
from cities.directory import directory
from cities.filters import CityFilterForm, countries_with_partners
from cities.models import City, Exchange, Stage
from cities.models.facts import citations_of
from portal.editorial.editions import EditionMixin
from portal.editorial.preview import StaffPreviewMixin
from portal.editorial.rules import visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import localized


class CityListView(TemplateView):
    """The directory: headline counts, the map and a card per partner, from plain
    rows (`cities.directory`)."""

    template_name = "cities/city_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filter_form = CityFilterForm(self.request.GET, countries_with_partners())
        partners = City.objects.published().in_language(get_language()).partners()
        cards, points = directory(filter_form.filter(partners), reverse("cities:list"))
        context.update(
            cards=cards,
            filter_form=filter_form,
            filtered=bool(filter_form.cleaned_values().keys() - {"order"}),
            map_points=points,
            on_record=counts_sentence(record_counts()),
            stated_total=latest_stated_total(),
            breadcrumbs=[crumb(None, _("Partner cities"))],
        )
        return context


class CityDetailView(EditionMixin, StaffPreviewMixin, DetailView):
    context_object_name = "city"
    list_url_name = "cities:list"
    title_field = "name"
    absent_message = gettext_lazy("This city profile is not yet available in %(language)s.")
    original_only_message = gettext_lazy(
        "This city profile is published in %(language)s only; what follows is the original text."
    )

    def get_queryset(self):
        exchanges = Exchange.objects.select_related("article").order_by("date", "pk")
        return (
            visible(City, self.request.user)
            .partners()
            .select_related("country")
            .prefetch_related(Prefetch("exchanges", queryset=exchanges))
            .with_gallery()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        city = self.object
        stages = sorted(
            Stage.objects.filter(city=city).select_related("exchange", "article"),
            key=lambda stage: stage.sort_key,
        )
        context.update(
            stages=stages,
            provenance=city.provenance(citations_of(city), stages),
            home=City.objects.home().published().select_related("country").first(),
            # Through the relation news declares, so that cities never imports news.
            related_articles=city.articles.published()
            .in_language(get_language())
            .for_lists()
            .select_related("category", "lead_image")[:5],
            breadcrumbs=[
                crumb("cities:list", _("Partner cities")),
                crumb(None, localized(city, "name")),
            ],
        )
        return context
