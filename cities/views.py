import functools

from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, empty
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from cities.counts import counts_sentence, latest_stated_total, record_counts
from cities.directory import directory, directory_rows
from cities.filters import CityFilterForm, countries_with_partners
from cities.models import City, Stage
from cities.models.facts import citations_of
from portal.editorial.editions import EditionMixin
from portal.editorial.parts import (
    Derived,
    code_version,
    fingerprint,
    inputs_moved,
    kept_response,
    shared_part,
)
from portal.editorial.prepared import prepared
from portal.editorial.preview import StaffPreviewMixin
from portal.editorial.rules import can_preview, visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import localized


class CityListView(TemplateView):
    """The directory: headline counts, the map and a card per partner, from plain
    rows (`cities.directory`); for a signed-out visitor the whole response is kept
    under those rows, the filters and the counts (`kept_response`), so the 200 cards
    are built only when something they show has changed."""

    template_name = "cities/city_list.html"

    def get(self, request, *args, **kwargs):
        self.filter_form = CityFilterForm(request.GET, countries_with_partners())
        self.found = directory_rows(get_language(), self.filter_form.cleaned_values())
        self.counts = record_counts()
        self.stated_total = latest_stated_total()
        inputs = [self.found, self.filter_form, self.counts, self.stated_total]
        respond = super().get
        return kept_response(request, "cities", inputs, lambda: respond(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filter_form = self.filter_form
        cards, points = directory(self.found, reverse("cities:list"))
        context.update(
            cards=cards,
            filter_form=filter_form,
            filtered=bool(filter_form.cleaned_values().keys() - {"order"}),
            map_points=points,
            on_record=counts_sentence(self.counts),
            stated_total=self.stated_total,
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
        return visible(City, self.request.user).partners().select_related("country")

    def get(self, request, *args, **kwargs):
        """A visitor's city from prepared queries, its whole response kept while
        they give the same rows (`kept_response`); staff, who may preview drafts,
        get the city through the queryset and a fresh page."""
        if can_preview(request.user, City):
            return super().get(request, *args, **kwargs)
        found = prepared(
            "city:detail", _published_partner, now=timezone.now(), slug=self.kwargs["slug"]
        )
        if not found:
            raise Http404
        self.found = found
        # A part computed meanwhile gets a city of its own: `found` stays rows, which
        # is what the response is kept under.
        self.inputs = page_inputs(found.pks()[0], lambda: found.copy()[0])
        respond = super().get
        inputs = [found, *self.inputs.values()]
        return kept_response(request, "city", inputs, lambda: respond(request, *args, **kwargs))

    def get_object(self, queryset=None):
        if hasattr(self, "found"):
            return self.found[0]
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        city = self.object
        inputs = getattr(self, "inputs", None) or page_inputs(city.pk, lambda: city, city.is_live)
        # Made from their rows only if the page is rendered rather than kept (`Derived`).
        stage_rows, citations = inputs["sources"].rows()
        if inputs["sources"].moved():
            inputs_moved(self.request)
        stages = Derived(lambda: relationship_path(stage_rows), stage_rows)
        provenance = Derived(lambda: city.provenance(citations, stages), city, citations, stages)
        context.update(
            gallery=inputs["gallery"],
            timeline=inputs["timeline"],
            related_news=inputs["related_news"],
            home=inputs["home"],
            stages=stages,
            provenance=provenance,
            # What the page prints of its figures' sources: the footnotes, the "as of"
            # dates and the sources with their article (a record part's key reaches no
            # further than a record's own fields, so the article is named beside it).
            cited=Derived(
                lambda: [
                    provenance.marks,
                    provenance.as_of,
                    [(source, source.article) for source in provenance.sources],
                ],
                provenance,
            ),
            breadcrumbs=[
                crumb("cities:list", _("Partner cities")),
                crumb(None, localized(city, "name")),
            ],
        )
        return context


def page_inputs(pk, city, live=True):
    """What a city page is made from besides the city's own row: its stages and cited
    sources, its photos, timeline and related news and the home city, each kept per
    site revision; `city()` gives the city, when a part must be computed."""
    return {
        "sources": Sources(pk, live),
        "gallery": kept(pk, live, "city-gallery", lambda: list(city().photos.all())),
        "timeline": kept(pk, live, "city-timeline", lambda: render_timeline(city())),
        "related_news": kept(pk, live, "city-news", lambda: render_related_news(city())),
        "home": shared_part("home-city", home_city),
    }


class Sources(SimpleLazyObject):
    """A city's stages and cited sources. What a kept page is told apart by is their
    fingerprint, kept per site revision (every change to a stage, a figure, a source or
    its article moves it), so a page served kept queries neither; a page rendered reads
    their rows (`rows()`: prepared queries, run once per request)."""

    def __init__(self, pk, live):
        rows = functools.cache(
            lambda: (
                prepared("city:stages", _stages_of, city=pk),
                prepared("city:citations", citations_of, city=pk),
            )
        )
        self.__dict__["rows"] = rows
        super().__init__(lambda: kept(pk, live, "city-sources", lambda: fingerprint(rows())))

    def moved(self):
        """Whether the rows read to render the page are not those whose fingerprint
        it is keyed under (a change committed since that fingerprint was kept).
        Asked before any of them is made a record: a made record is fingerprinted
        by its fields, not its row."""
        return self._wrapped is not empty and fingerprint(self.rows()) != self._wrapped


def kept(pk, live, name, compute):
    """`compute()` for the city `pk`, kept per site revision (`shared_part`) while the
    city is live: its photos, exchanges, articles, stages and sources are records whose
    every change moves the revision, as the page cache relies on. A preview of an
    unpublished city keeps nothing.
    Markup is kept per code version too, as record parts are: a deployment that
    changes a template does not always move the revision."""
    if not live:
        return compute()
    return shared_part(name, compute, pk, code_version())


def render_timeline(city):
    """The markup of the city's friendly exchanges, oldest first (blank without any)."""
    exchanges = list(city.exchanges.for_timeline())
    return render_to_string("cities/includes/timeline.html", {"exchanges": exchanges})


def relationship_path(stages):
    """A city's stages in time, each with `report`: its live article's address, else ""."""
    stages = sorted(stages, key=lambda stage: stage.sort_key)
    for stage in stages:
        article = stage.article
        stage.report = article.get_absolute_url() if article and article.is_live else ""
    return stages


def _published_partner(now, slug):
    return City.objects.published(now).partners().select_related("country").filter(slug=slug)


def _stages_of(city):
    # Unordered in SQL: the model's ordering by city would join the city to sort by it.
    return Stage.objects.filter(city=city).for_path().order_by()


def home_city():
    """The published home city, which every city page compares with."""
    return City.objects.home().published().select_related("country").first()


def render_related_news(city):
    """The markup of the latest five published articles about `city` in the active
    language (through the relation news declares, so that cities never imports news)."""
    articles = city.articles.published().in_language(get_language()).for_lists()
    articles = list(articles.select_related("category", "lead_image")[:5])
    return render_to_string(
        "cities/includes/city_news.html", {"city": city, "related_articles": articles}
    )
