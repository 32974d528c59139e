"""The news list's filters; unknown values are dropped, never an error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City
from news.models import Category
from portal.forms import LenientFilterForm


class ArticleFilterForm(LenientFilterForm):
    city = forms.ChoiceField(label=_("City"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, data):
        super().__init__(data)
        self.cities = list(City.objects.published().partners().order_by("slug"))
        self.categories = list(Category.objects.all())
        self.fields["city"].choices = [("", _("All cities"))] + [
            (city.slug, city.name) for city in self.cities
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
