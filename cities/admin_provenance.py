"""Admin for figures with their sources, the relationship's stages and stated totals.

Figures and stages are inlines of the city: like its exchanges, a published
city's are changed by its publishers only (`locked_for`). Saving them copies
the public values onto the city's fields, which pages print.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from cities.models import City, Fact, Source, SourceKind, Stage, StatedTotal
from cities.templatetags.cities import figure_value
from portal.editorial import rules
from portal.editorial.admin import EditorialRulesMixin, LockedWithParentMixin
from portal.editorial.models import Status
from portal.editorial.qa_admin import QAGateInlineMixin


class FactInline(LockedWithParentMixin, admin.TabularInline):
    model = Fact
    extra = 0
    fields = (
        "figure",
        "number",
        "approximate",
        ("date", "date_precision", "anniversary"),
        ("as_of", "as_of_precision"),
        "is_public",
        "sources",
        "note",
    )
    autocomplete_fields = ("sources",)


class StageInline(
    QAGateInlineMixin, LockedWithParentMixin, EditorialRulesMixin, TranslationStackedInline
):
    """Stacked, not tabular: each stage's document and signatories come in both
    languages, and as table columns they pushed the city's form far past the window."""

    model = Stage
    extra = 0
    fieldsets = [
        (
            None,
            {
                "fields": (
                    ("stage", "date", "precision"),
                    "document",
                    "signatories",
                    ("exchange", "article"),
                )
            },
        )
    ]
    autocomplete_fields = ("article",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "exchange":
            city_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = db_field.related_model.objects.filter(city_id=city_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def disagreements(city):
    """Figures with more than one value on record: `[(figure label, [fact, ...]), ...]`."""
    by_figure = {}
    for fact in city.facts.prefetch_related("sources"):
        by_figure.setdefault(fact.figure, []).append(fact)
    return [
        (facts[0].get_figure_display(), facts)
        for facts in by_figure.values()
        if len({(fact.raw_value, fact.approximate) for fact in facts}) > 1
    ]


def needing_official_source(city):
    """Public figures that no shown source backs (only reposts, or none): visitors see
    them without a footnote until staff find an official source."""
    facts = city.facts.filter(is_public=True).prefetch_related("sources")
    return [fact for fact in facts if not any(source.is_shown for source in fact.sources.all())]


class ProvenanceAdminMixin:
    """The city's change form: "sources disagree" with every value, the figures that
    need an official source, and the public figures copied onto the city when its
    figures and stages are saved. The list marks a city with such a figure."""

    def get_queryset(self, request):
        shown = Fact.sources.through.objects.filter(
            fact=OuterRef("pk"), source__kind__in=SourceKind.shown()
        )
        unbacked = Fact.objects.filter(city=OuterRef("pk"), is_public=True).exclude(Exists(shown))
        return super().get_queryset(request).annotate(needs_source=Exists(unbacked))

    @admin.display(description=_("sources"), ordering="-needs_source")
    def source_status(self, city):
        if getattr(city, "needs_source", False):
            return format_html(
                '<strong class="needs-source">{}</strong>', _("needs an official source")
            )
        return ""

    @admin.display(description=_("needs an official source"))
    def needs_official_source(self, city):
        found = needing_official_source(city) if city.pk else []
        if not found:
            return _("Every public figure has an official, partner, news or organisation source.")
        rows = (
            (
                fact.get_figure_display(),
                figure_value(fact),
                ", ".join(str(source) for source in fact.sources.all()) or _("no source"),
            )
            for fact in found
        )
        return format_html(
            '<ul class="needs-source">{}</ul>',
            format_html_join("", "<li>{}: <strong>{}</strong> ({})</li>", rows),
        )

    @admin.display(description=_("sources disagree"))
    def sources_disagree(self, city):
        found = disagreements(city) if city.pk else []
        if not found:
            return _("No figure has disagreeing sources.")
        rows = []
        for label, facts in found:
            values = format_html_join(
                "; ",
                "{} <strong>{}</strong> ({})",
                (
                    (
                        _("public:") if fact.is_public else _("on record:"),
                        figure_value(fact),
                        ", ".join(str(source) for source in fact.sources.all()),
                    )
                    for fact in facts
                ),
            )
            rows.append((label, values))
        return format_html(
            '<ul class="sources-disagree">{}</ul>',
            format_html_join("", "<li>{}: {}</li>", rows),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "held_back", None) is not None:
            return
        city = form.instance
        changed = city.apply_public_facts() + city.apply_stages()
        if not changed:
            return
        try:
            city.full_clean()
        except ValidationError as error:
            city.refresh_from_db()
            messages.error(
                request,
                _("The public figures were not copied to the page: %(errors)s")
                % {"errors": " ".join(error.messages)},
            )
            return
        city.save(update_fields=sorted(set(changed)))


@admin.register(Source)
class SourceAdmin(EditorialRulesMixin, TabbedTranslationAdmin):
    list_display = ("publisher", "kind", "title", "date", "url")
    list_filter = ("kind",)
    ordering = ("publisher_en", "pk")
    search_fields = (
        "publisher_en",
        "publisher_zh_hans",
        "title_en",
        "title_zh_hans",
        "url",
        "note",
    )
    fields = ("kind", "title", "publisher", "url", ("date", "date_precision"), "article", "note")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ("article",)

    def has_change_permission(self, request, obj=None):
        """A source cited on a published page (a published city's figure, a stated
        total) changes by publishers only, as the page itself would."""
        if obj is not None and cited_in_public(obj) and not rules.can_publish(request.user, City):
            return False
        return super().has_change_permission(request, obj)


def cited_in_public(source):
    return (
        Fact.objects.filter(sources=source, city__status=Status.PUBLISHED).exists()
        or StatedTotal.objects.filter(source=source).exists()
    )


@admin.register(StatedTotal)
class StatedTotalAdmin(admin.ModelAdmin):
    list_display = ("as_of", "sister_cities", "friendly_cities", "countries", "source")
    fields = (
        "sister_cities",
        "friendly_cities",
        "countries",
        ("as_of", "as_of_precision"),
        "source",
    )
    autocomplete_fields = ("source",)
