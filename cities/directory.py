"""The partner directory's map points (`/<lang>/cities/`), from the cities its cards
show; the cards themselves are `cities/includes/city_card.html`."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cities.map import map_point
from portal.formatting.i18n import localized_value


def map_points(cities, home, home_url):
    """The map's links: each city of `cities` with coordinates, then the home city."""
    language = get_language()
    points = []
    for city in cities:
        if city.latitude is None or city.longitude is None:
            continue
        name, lang = localized_value(city, "name", language)
        country, _lang = localized_value(city.country, "name", language)
        label = f"{name}, {country}"
        url = city.get_absolute_url()
        lang = lang if lang != language else ""
        points.append(map_point(url, name, lang, label, city.latitude, city.longitude))
    if home is not None and home.latitude is not None and home.longitude is not None:
        name, lang = localized_value(home, "name", language)
        label = _("%(city)s (home city)") % {"city": name}
        lang = lang if lang != language else ""
        points.append(map_point(home_url, name, lang, label, home.latitude, home.longitude, True))
    return points
