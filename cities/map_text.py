"""The diagram's words: distances, directions, the names of grouped cities, and
the table printed under it (plain string formatting, for the reason `cities.map`
gives)."""

from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cities.geodesy import compass_point
from portal.formatting.numbers import grouped


class Words:
    """The diagram's words in the active language, each looked up once per diagram:
    ten catalog lookups for each of 200 cities were two thirds of its time."""

    def __init__(self):
        # Literal strings, one call each, so that makemessages finds them.
        self.compass = (
            pgettext("compass", "N"),
            pgettext("compass", "E"),
            pgettext("compass", "S"),
            pgettext("compass", "W"),
        )
        self.points = {
            "N": _("north"),
            "NE": _("north-east"),
            "E": _("east"),
            "SE": _("south-east"),
            "S": _("south"),
            "SW": _("south-west"),
            "W": _("west"),
            "NW": _("north-west"),
        }
        self._km = _("%(distance)s km")
        self._direction = _("%(direction)s (%(degrees)s°)")
        self._group = _("%(city)s +%(more)s")
        self._city = _("%(city)s, %(country)s")
        self._separator = pgettext("between names", ", ")

    def distance(self, km):
        """5464.3 → "5,460 km" / "5,460公里": to ten kilometres, the precision of a
        city-centre position on a spherical Earth."""
        return self._km % {"distance": grouped(int(round(km, -1)))}

    def direction(self, bearing):
        """149.2 → "south-east (149°)" / "东南（149°）"."""
        return self._direction % {
            "direction": self.points[compass_point(bearing)],
            "degrees": round(bearing) % 360,
        }

    def city(self, place):
        """A city's marker, to a screen reader: "Karachi, Pakistan"."""
        return self._city % {"city": place.name, "country": place.country}

    def group_name(self, marker):
        """A group's label: its nearest city and how many more ("Incheon +5")."""
        return self._group % {"city": marker.places[0].name, "more": len(marker.places) - 1}

    def group_description(self, marker):
        """A group's marker, to a screen reader: how many cities, and which."""
        count = len(marker.places)
        cities = self._separator.join(place.name for place in marker.places)
        return ngettext("%(count)s city: %(cities)s", "%(count)s cities: %(cities)s", count) % {
            "count": count,
            "cities": cities,
        }

    def table_body(self, markers):
        """The table's bodies, one per marker in the diagram's order: a group's opens
        with a heading row its marker links to; then a row per city, its name (a
        link) over its country, its direction and its distance."""
        parts = []
        for marker in markers:
            parts.append("<tbody>")
            if marker.is_group:
                parts.append(
                    f'<tr id="diagram-group-{marker.number}"><th colspan="3" scope="rowgroup">'
                    f'<span class="count">{len(marker.places)}</span> '
                    f"{escape(self.group_name(marker))}</th></tr>"
                )
            parts.extend(
                f'<tr><th scope="row">{_link(place)}<span class="country">'
                f"{escape(place.country)}</span></th>"
                f"<td>{escape(self.direction(place.bearing))}</td>"
                f'<td class="number">{escape(self.distance(place.distance))}</td></tr>'
                for place in marker.places
            )
            parts.append("</tbody>")
        return "".join(parts)


def _link(place):
    lang = f' lang="{place.lang}"' if place.lang else ""
    return f'<a href="{escape(place.url)}"{lang}>{escape(place.name)}</a>'
