"""The news list's filters; unknown values are dropped, never an error."""

from types import SimpleNamespace

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cities.models import City
from news.models import Category
from portal.formatting.forms import LenientFilterForm
from portal.formatting.i18n import LANGUAGE_CODES, localized_value


class ArticleFilterForm(LenientFilterForm):
    city = forms.ChoiceField(label=_("City"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, data):
        super().__init__(data)
        # A choice per partner city (there may be hundreds): its slug and names only,
        # read as plain rows; model instances cost more than the whole query.
        names = [build_localized_fieldname("name", code) for code in LANGUAGE_CODES]
        partners = City.objects.published().in_language(get_language()).partners()
        rows = partners.order_by("slug").values("slug", *names)
        self.cities = [SimpleNamespace(**row) for row in rows]
        self.categories = list(Category.objects.all())
        self.fields["city"].choices = [("", _("All cities"))] + [
            (city.slug, localized_value(city, "name")[0]) for city in self.cities
        ]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.slug, category.name) for category in self.categories
        ]

    def filter(self, queryset):
        values = self.cleaned_values()
        if values.get("city"):
            queryset = queryset.filter(cities__slug=values["city"])
        if values.get("category"):
            queryset = queryset.filter(category__slug=values["category"])
        return queryset

    def chosen(self, name):
        """The chosen City or Category, for the page's heading."""
        slug = self.cleaned_values().get(name)
        options = self.cities if name == "city" else self.categories
        return next((option for option in options if option.slug == slug), None)
