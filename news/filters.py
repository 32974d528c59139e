"""The news list's filters; unknown values are dropped, never an error."""

from types import SimpleNamespace

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cities.models import City
from news.models import Category
from portal.caching.counts import per_revision
from portal.formatting.forms import LenientFilterForm
from portal.formatting.i18n import LANGUAGE_CODES, localized_value

CITY_FIELDS = ("slug", *(build_localized_fieldname("name", code) for code in LANGUAGE_CODES))


def filter_options():
    """The partner cities (slug and names, as tuples: model instances cost more than the
    whole query) and the categories a visitor of the active language may filter by,
    with their choices (value and label in the active language)."""
    partners = City.objects.published().in_language(get_language()).partners()
    cities = list(partners.order_by("slug").values_list(*CITY_FIELDS))
    categories = list(Category.objects.all())
    return {
        "cities": cities,
        "categories": categories,
        "city": [(row[0], localized_value(_city(row), "name")[0]) for row in cities],
        "category": [(category.slug, category.name) for category in categories],
    }


def _city(row):
    return SimpleNamespace(**dict(zip(CITY_FIELDS, row, strict=True)))


def filtered(queryset, city=None, category=None):
    """`queryset` (articles) about the city and in the category with these slugs, if given."""
    if city:
        queryset = queryset.filter(cities__slug=city)
    if category:
        queryset = queryset.filter(category__slug=category)
    return queryset


class ManyChoiceField(forms.ChoiceField):
    """A choice among many (hundreds of partner cities), checked in the set of its
    values: its options, given as a callable, are only listed when it is rendered."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.values = frozenset()

    def offer(self, first, options):
        self.values = frozenset(["", *(value for value, _label in options)])
        self.choices = lambda: [("", first), *options]

    def valid_value(self, value):
        return str(value) in self.values


class ArticleFilterForm(LenientFilterForm):
    city = ManyChoiceField(label=_("City"))
    category = ManyChoiceField(label=_("Category"))

    def __init__(self, data):
        super().__init__(data)
        # A choice per partner city: there may be hundreds. They are read once per site
        # revision and language; the rendered options are kept by the template's
        # `{% cache %}` per revision too.
        options = per_revision(f"news-filter-options:{get_language()}", filter_options)
        self.cities, self.categories = options["cities"], options["categories"]
        self.fields["city"].offer(_("All cities"), options["city"])
        self.fields["category"].offer(_("All categories"), options["category"])

    def filter(self, queryset):
        values = self.cleaned_values()
        return filtered(queryset, values.get("city"), values.get("category"))

    def chosen(self, name):
        """The chosen City or Category, for the page's heading."""
        slug = self.cleaned_values().get(name)
        if name == "city":
            return next((_city(row) for row in self.cities if row[0] == slug), None)
        return next((category for category in self.categories if category.slug == slug), None)

    @property
    def state(self):
        """All the rendered form shows besides its options: each field's valid value,
        or that its value was dropped (marked invalid): what the rendered form is kept
        under (`{% cache %}`), a few hundred states at most however the address is edited."""
        values = self.cleaned_values()
        return ";".join(
            f"{name}={values.get(name, '')}{'!' if name in self.errors else ''}"
            for name in self.fields
        )
