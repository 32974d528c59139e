"""The partner-city list's filters: whatever a query string says, a clean answer.

Unknown or malformed values are dropped, never an error: a visitor who edits
the address gets the unfiltered list, not a 500.
"""

from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cities.models import City, Continent, Country, Relationship
from portal.formatting.forms import LenientFilterForm

ORDERINGS = {
    "date": [Coalesce("sister_since", "friendly_since").desc(nulls_last=True), "slug"],
    # Slugs follow the Latin or pinyin spelling, an order readers of both languages know.
    "name": ["slug"],
    "ordinal": [F("ordinal").asc(nulls_last=True), "slug"],
}


class CityFilterForm(LenientFilterForm):
    continent = forms.ChoiceField(
        label=_("Continent"),
        required=False,
        choices=[("", _("All continents")), *Continent.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    relationship = forms.ChoiceField(
        label=_("Relationship"),
        required=False,
        choices=[("", _("All relationships")), *Relationship.choices],
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("date", _("Newest partners first")),
            ("name", _("By name")),
            ("ordinal", _("By official ordinal")),
        ],
    )

    def __init__(self, data, countries):
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.iso_code, country.name) for country in countries
        ]

    def filter(self, queryset):
        """Apply each valid filter; ignore the invalid ones."""
        return filtered(queryset, **self.cleaned_values())


def filtered(queryset, continent=None, country=None, relationship=None, order=None):
    """Partners in `queryset` on this continent, in this country (ISO code), with this
    relationship, in this order (a key of ORDERINGS; newest partners first)."""
    if continent:
        queryset = queryset.filter(country__continent=continent)
    if country:
        queryset = queryset.filter(country__iso_code=country)
    if relationship:
        queryset = queryset.filter(relationship=relationship)
    return queryset.order_by(*ORDERINGS[order or "date"])


def countries_with_partners():
    partners = City.objects.published().in_language(get_language()).partners().values("pk")
    return Country.objects.filter(cities__in=partners).distinct().order_by("iso_code")
