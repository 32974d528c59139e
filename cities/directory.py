"""The partner directory's diagram (`/<lang>/cities/`), from the cities its cards
show; the cards themselves are `cities/includes/city_card.html`."""

from django.utils.translation import get_language

from cities.diagram import Place
from cities.map import diagram
from portal.formatting.i18n import localized_value


def directory_diagram(cities, home, care=False):
    """The diagram of each of `cities` with a position, around `home`; None when
    the home city (the centre) is missing or has no position."""
    if home is None or home.latitude is None or home.longitude is None:
        return None
    language = get_language()
    places = []
    for city in cities:
        if city.latitude is None or city.longitude is None:
            continue
        name, lang = localized_value(city, "name", language)
        country, _lang = localized_value(city.country, "name", language)
        url = city.get_absolute_url()
        position = (city.latitude, city.longitude)
        places.append(Place(name, "" if lang == language else lang, url, country, position))
    name, lang = localized_value(home, "name", language)
    centre = Place(name, "" if lang == language else lang, "", "", (home.latitude, home.longitude))
    return diagram(places, centre, care)
