"""The partner directory (`/<lang>/cities/`): cards and map points from plain rows.

With 200 partners, model instances rendered through a card include, `{% tr %}`
tags and model properties took about 125 ms a page, nearly all of it in the
template engine (some 7,000 variable lookups). Here one query reads the columns
the page prints (the cover photo's id among them), and each card and map point
is filled in once with plain string formatting (a card in the markup of
`cities/includes/city_card.html`, a point by `cities.map.map_point`); the
template places them. The rules stay those of the other pages: names as
`localized` prints them (a fallback marked with its `lang`), the language-edition
rule of `edition_of` ("Chinese only"), dates as `PartialDate` writes them.
"""

from dataclasses import dataclass
from html import escape
from types import SimpleNamespace

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cities.map import map_point
from cities.models import City, CityPhoto, Relationship
from cities.templatetags.cities import ordinal_words
from portal.editorial.models import Edition, edition_of
from portal.editorial.prepared import prepared
from portal.formatting.dates import format_partial_date
from portal.formatting.i18n import LANGUAGE_CODES, localized_value, slug_address

# What lists say of a record published in its original language only (the
# `only_in_label` template tag's words).
ONLY_IN = {"zh-hans": gettext_lazy("Chinese only"), "en": gettext_lazy("English only")}


def _columns(field, prefix=""):
    return [prefix + build_localized_fieldname(field, code) for code in LANGUAGE_CODES]


COUNTRY_COLUMNS = _columns("name", "country__")
CITY_COLUMNS = (
    "slug",
    *_columns("name"),
    *_columns("province"),
    *COUNTRY_COLUMNS,
    "relationship",
    "ordinal",
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


@dataclass
class DirectoryRows:
    """What the directory is made from: the partners' rows and the home city's
    (`Records` of values, made into dicts only when the cards are built) and their
    cover photos."""

    rows: object
    covers: dict
    home: object


def directory_rows(language, filters):
    """The rows of the published partners a visitor of `language` may open, filtered
    and ordered by `filters` (`cities.filters.filtered`'s), and of the home city: two
    prepared queries, and a third when some partner has a photo."""
    from cities.filters import filtered  # the filters import the models this module reads

    order = filters.get("order") or "date"
    chosen = {
        name: filters[name]
        for name in ("continent", "country", "relationship")
        if filters.get(name)
    }
    now = timezone.now()

    def partners(language, order, now, **chosen):
        queryset = City.objects.published(now).in_language(language).partners()
        return partner_rows(filtered(queryset, order=order, **chosen))

    rows = prepared("cities:directory", partners, language, order, now=now, **chosen)
    home = prepared("cities:home", _home_row, now=now)
    cover_ids = [pk for pk in rows.column("cover_id") if pk]
    covers = CityPhoto.objects.in_bulk(cover_ids) if cover_ids else {}
    return DirectoryRows(rows, covers, home)


def _home_row(now):
    return City.objects.home().published(now).values(*_columns("name"), "latitude", "longitude")


def directory(found, home_url):
    """`(cards, map points)` of the partners and the home city in `found`
    (`DirectoryRows`), in the active language."""
    language = get_language()
    labels = {value: escape(label) for value, label in Relationship.choices}
    only_in = {code: escape(label) for code, label in ONLY_IN.items()}
    rows, covers = found.rows, found.covers
    home = found.home[0] if found.home else None
    home_name = home and Text(*localized_value(SimpleNamespace(**home), "name", language), language)
    home_html = home_name and mark_safe(home_name.html)
    cards, points = [], []
    for row in rows:
        city = SimpleNamespace(**row)
        country = SimpleNamespace(
            **{column.removeprefix("country__"): row[column] for column in COUNTRY_COLUMNS}
        )
        url = slug_address("cities:detail", city.slug)
        name = Text(*localized_value(city, "name", language), language)
        country_name = Text(*localized_value(country, "name", language), language)
        province = Text(*localized_value(city, "province", language), language)
        place = f"{country_name.html}, {province.html}" if province.text else country_name.html
        edition = edition_of(
            language, city.original_language, city.translation_states, city.original_only
        )
        marked = edition == Edition.ORIGINAL_ONLY and only_in.get(city.original_language)
        since = _since(city)
        ordinal = home_html and ordinal_words(city.relationship, city.ordinal, home_html)
        body = mark_safe(
            f'<h3><a href="{escape(url)}">{name.html}</a>'
            + (f' <span class="tag only-in">{marked}</span>' if marked else "")
            + f'</h3><p class="meta"><span>{place}</span></p>'
            + f'<p><span class="tag{" tag-sister" if city.relationship == "sister" else ""}">'
            + f"{labels.get(city.relationship, '')}</span>"
            + (f' <span class="meta">{escape(since)}</span>' if since else "")
            + "</p>"
            + (f'<p class="meta">{ordinal}</p>' if ordinal else "")
        )
        cards.append(Card(body, covers.get(city.cover_id)))
        if city.latitude is not None and city.longitude is not None:
            label = f"{name.text}, {country_name.text}"
            points.append(
                map_point(url, name.text, name.lang, label, city.latitude, city.longitude)
            )
    if home and home["latitude"] is not None and home["longitude"] is not None:
        label = _("%(city)s (home city)") % {"city": home_name.text}
        latitude, longitude = home["latitude"], home["longitude"]
        points.append(
            map_point(home_url, home_name.text, home_name.lang, label, latitude, longitude, True)
        )
    return cards, points


class Text:
    """A translated text, as `portal.formatting.i18n.LocalizedText` prints it (escaped,
    in `<span lang>` when it fell back), for a page's language known once."""

    __slots__ = ("html", "lang", "text")

    def __init__(self, text, text_language, page_language):
        self.text = text
        self.lang = text_language if text and text_language != page_language else ""
        escaped = escape(text)
        self.html = f'<span lang="{self.lang}">{escaped}</span>' if self.lang else escaped


def _since(city):
    """ "since 9 December 2021": the sister city date, else the friendly one."""
    for stage in ("sister", "friendly"):
        date = getattr(city, f"{stage}_since")
        if date is not None:
            written = format_partial_date(date, getattr(city, f"{stage}_since_precision"))
            return _("since %(date)s") % {"date": written}
    return ""
