from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cities.admin_provenance import FactInline, ProvenanceAdminMixin, StageInline
from cities.admin_transfer import TransferAdminMixin
from cities.models import City, CityPhoto, Country, Exchange
from cities.transfer import CityResource, ExchangeResource
from portal.editorial.admin import (
    PUBLICATION_FIELDSET,
    PublishableAdmin,
    TranslatableAdmin,
    TranslatableStackedInline,
)
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.editorial.pending_admin import PendingChangesMixin
from portal.editorial.rules import locked_for
from portal.pictures.admin import PictureInline

LOCKED_CITY = _("This city is published: a publisher adds and changes its exchanges.")


@admin.register(Country)
class CountryAdmin(ConcurrentEditMixin, PendingChangesMixin, TranslatableAdmin):
    list_display = ("name", "iso_code", "continent")
    list_filter = ("continent",)
    search_fields = ("name_zh_hans", "name_en", "iso_code")
    fields = ("name", "iso_code", "continent", "original_language")


class ExchangeInline(TranslatableStackedInline):
    model = Exchange
    extra = 0
    fields = (("date", "precision", "kind"), "title", "description", "article", "original_language")
    autocomplete_fields = ("article",)


class CityPhotoInline(PictureInline):
    model = CityPhoto
    fields = ("image", "alt", "caption", "credit", "position")


@admin.register(City)
class CityAdmin(TransferAdminMixin, ProvenanceAdminMixin, PublishableAdmin):
    resource_classes = [CityResource]
    list_display = (
        "name",
        "country",
        "relationship",
        "ordinal",
        "partner_since",
        "source_status",
        "status",
        "published_at",
    )
    list_filter = ("status", "relationship", "country__continent", "country", "is_home")
    search_fields = ("name_zh_hans", "name_en", "slug", "province_zh_hans", "province_en")
    prepopulated_fields = {"slug": ("name_en",)}
    list_select_related = ("country",)
    autocomplete_fields = ("country",)
    date_hierarchy = "published_at"
    inlines = (CityPhotoInline, StageInline, FactInline, ExchangeInline)
    readonly_fields = ("sources_disagree", "needs_official_source")
    fieldsets = (
        (None, {"fields": ("name", "slug", "country", "province", "is_home")}),
        (
            _("Relationship"),
            {
                "fields": (
                    "relationship",
                    ("friendly_since", "friendly_since_precision"),
                    ("sister_since", "sister_since_precision"),
                    "ordinal",
                )
            },
        ),
        (
            _("Facts"),
            {
                "fields": (
                    ("population", "population_is_approximate", "population_year"),
                    "area_km2",
                    ("latitude", "longitude"),
                    "sources_disagree",
                    "needs_official_source",
                )
            },
        ),
        (_("Profile"), {"fields": ("summary", "basic_info", "geography")}),
        (
            _("Climate"),
            {"fields": ("climate", ("winter_low_c", "summer_high_c", "precipitation_mm"))},
        ),
        (_("Economy"), {"fields": ("pillar_industries",)}),
        PUBLICATION_FIELDSET,
    )

    @admin.display(description=_("partner since"), ordering="friendly_since")
    def partner_since(self, city):
        return str(city.friendly_since_when or city.sister_since_when) or "—"


@admin.register(Exchange)
class ExchangeAdmin(TransferAdminMixin, ConcurrentEditMixin, TranslatableAdmin):
    """Exchanges of a published city are changed by its publishers (see `locked_for`)."""

    resource_classes = [ExchangeResource]

    list_display = ("title", "written_date", "city", "kind", "article")
    list_filter = ("kind", "precision", "city")
    search_fields = ("title_zh_hans", "title_en", "description_zh_hans", "description_en")
    list_select_related = ("city", "article")
    autocomplete_fields = ("city", "article")
    date_hierarchy = "date"
    fields = (
        "city",
        ("date", "precision"),
        "kind",
        "title",
        "description",
        "article",
        "original_language",
    )

    def has_change_permission(self, request, obj=None):
        city = obj.city if obj is not None else None
        return not locked_for(request.user, city) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        city = obj.city if obj is not None else None
        return not locked_for(request.user, city) and super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        user = request.user

        class ExchangeForm(form_class):
            def clean(self):
                cleaned = super().clean()
                if locked_for(user, cleaned.get("city")):
                    self.add_error("city", LOCKED_CITY)
                return cleaned

        return ExchangeForm

    @admin.display(description=_("date"), ordering="date")
    def written_date(self, exchange):
        return str(exchange.when)
