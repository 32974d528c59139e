"""The partner directory (`/<lang>/cities/`): cards and map points from plain rows.

With 200 partners, model instances rendered through a card include, `{% tr %}`
tags and model properties took about 125 ms a page, nearly all of it in the
template engine (some 7,000 variable lookups). Here one query reads the columns
the page prints (the cover photo's id among them), and each card and map point
is filled in once, with `format_html`, in the markup of
`cities/includes/city_card.html` and `cities/includes/map.html`; the template
places them. The rules stay those of the other pages: names through
`localized` (a fallback marked with its `lang`), the language-edition rule of
`edition_of` ("Chinese only"), dates as `PartialDate` writes them.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import OuterRef, Subquery
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cities.map import map_point
from cities.models import City, CityPhoto, Relationship
from portal.editorial.models import Edition, edition_of
from portal.formatting.dates import format_partial_date
from portal.formatting.i18n import LANGUAGE_CODES, localized, slug_address

# What lists say of a record published in its original language only (the
# `only_in_label` template tag's words).
ONLY_IN = {"zh-hans": gettext_lazy("Chinese only"), "en": gettext_lazy("English only")}
RELATIONSHIPS = dict(Relationship.choices)
CARD = (
    '<h3><a href="{url}">{name}</a>{only_in}</h3>'
    '<p class="meta"><span>{place}</span></p>'
    '<p><span class="tag{sister}">{relationship}</span>{since}</p>'
)


def _columns(field, prefix=""):
    return [prefix + build_localized_fieldname(field, code) for code in LANGUAGE_CODES]


COUNTRY_COLUMNS = _columns("name", "country__")
CITY_COLUMNS = (
    "slug",
    *_columns("name"),
    *_columns("province"),
    *COUNTRY_COLUMNS,
    "relationship",
    "sister_since",
    "sister_since_precision",
    "friendly_since",
    "friendly_since_precision",
    "latitude",
    "longitude",
    "original_language",
    "original_only",
    "translation_states",
)


@dataclass
class Card:
    """A partner's card: its cover photo (rendered by the template's `{% picture %}`)
    and the rest of its markup."""

    body: str
    cover: object = None


def partner_rows(queryset):
    """The page's columns of `queryset` (partners), with each one's cover photo id."""
    covers = CityPhoto.objects.filter(city=OuterRef("pk")).order_by("position", "pk")
    return queryset.values(*CITY_COLUMNS, cover_id=Subquery(covers.values("pk")[:1]))


def directory(queryset, home_url):
    """`(cards, map points)` of the partners in `queryset` and the home city: two
    queries, three when some partner has a photo."""
    rows = list(partner_rows(queryset))
    cover_ids = [row["cover_id"] for row in rows if row["cover_id"]]
    covers = CityPhoto.objects.in_bulk(cover_ids) if cover_ids else {}
    cards, points = [], []
    for row in rows:
        city = SimpleNamespace(**row)
        country = SimpleNamespace(
            **{column.removeprefix("country__"): row[column] for column in COUNTRY_COLUMNS}
        )
        url = slug_address("cities:detail", city.slug)
        name, country_name = localized(city, "name"), localized(country, "name")
        cards.append(Card(_card(city, url, name, country_name), covers.get(city.cover_id)))
        if city.latitude is not None and city.longitude is not None:
            label = f"{name.text}, {country_name.text}"
            points.append(map_point(url, name, label, city.latitude, city.longitude))
    home = City.objects.home().published().values(*_columns("name"), "latitude", "longitude")
    home = home.first()
    if home and home["latitude"] is not None and home["longitude"] is not None:
        name = localized(SimpleNamespace(**home), "name")
        label = _("%(city)s (home city)") % {"city": name.text}
        points.append(map_point(home_url, name, label, home["latitude"], home["longitude"], True))
    return cards, points


def _card(city, url, name, country):
    province = localized(city, "province")
    edition = edition_of(
        get_language(), city.original_language, city.translation_states, city.original_only
    )
    only_in = ONLY_IN.get(city.original_language) if edition == Edition.ORIGINAL_ONLY else None
    since = _since(city)
    return format_html(
        CARD,
        url=url,
        name=name,
        only_in=format_html(' <span class="tag only-in">{}</span>', only_in) if only_in else "",
        place=format_html("{}, {}", country, province) if province else country,
        sister=" tag-sister" if city.relationship == Relationship.SISTER else "",
        relationship=RELATIONSHIPS.get(city.relationship, ""),
        since=format_html(' <span class="meta">{}</span>', since) if since else "",
    )


def _since(city):
    """ "since 9 December 2021": the sister city date, else the friendly one."""
    for stage in ("sister", "friendly"):
        date = getattr(city, f"{stage}_since")
        if date is not None:
            written = format_partial_date(date, getattr(city, f"{stage}_since_precision"))
            return _("since %(date)s") % {"date": written}
    return ""
