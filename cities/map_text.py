"""The diagram's words: distances, directions, the names of grouped cities, and
the key and table printed under it (plain string formatting, for the reason
`cities.map` gives)."""

from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cities.geodesy import compass_point
from portal.formatting.numbers import grouped


def compass_letters():
    """North, east, south and west, as the diagram's rim marks them."""
    return (
        pgettext("compass", "N"),
        pgettext("compass", "E"),
        pgettext("compass", "S"),
        pgettext("compass", "W"),
    )


def distance_text(km):
    """5464.3 → "5,460 km" / "5,460公里": to ten kilometres, the precision of a
    city-centre position on a spherical Earth."""
    return _("%(distance)s km") % {"distance": grouped(int(round(km, -1)))}


def direction_text(bearing):
    """149.2 → "south-east (149°)" / "东南（149°）"."""
    words = {
        "N": _("north"),
        "NE": _("north-east"),
        "E": _("east"),
        "SE": _("south-east"),
        "S": _("south"),
        "SW": _("south-west"),
        "W": _("west"),
        "NW": _("north-west"),
    }
    return _("%(direction)s (%(degrees)s°)") % {
        "direction": words[compass_point(bearing)],
        "degrees": round(bearing) % 360,
    }


def group_name(marker):
    """A group's label: its nearest city and how many more ("Incheon +5")."""
    return _("%(city)s +%(more)s") % {
        "city": marker.places[0].name,
        "more": len(marker.places) - 1,
    }


def group_description(marker):
    """What a group's marker says to a screen reader: how many cities, and which."""
    count = len(marker.places)
    return ngettext("%(count)s city: %(cities)s", "%(count)s cities: %(cities)s", count) % {
        "count": count,
        "cities": pgettext("between names", ", ").join(place.name for place in marker.places),
    }


def _link(place):
    lang = f' lang="{place.lang}"' if place.lang else ""
    return f'<a href="{escape(place.url)}"{lang}>{escape(place.name)}</a>'


def table_body(markers):
    """The table's bodies, one per marker in the diagram's order: a group's opens
    with a heading row its marker links to; then a row per city, its name (a link)
    over its country, its direction and its distance."""
    parts = []
    for marker in markers:
        parts.append("<tbody>")
        if marker.is_group:
            parts.append(
                f'<tr id="diagram-group-{marker.number}"><th colspan="3" scope="rowgroup">'
                f'<span class="count">{len(marker.places)}</span> '
                f"{escape(group_name(marker))}</th></tr>"
            )
        parts.extend(
            f'<tr><th scope="row">{_link(place)}<span class="country">{escape(place.country)}'
            f"</span></th><td>{escape(direction_text(place.bearing))}</td>"
            f'<td class="number">{escape(distance_text(place.distance))}</td></tr>'
            for place in marker.places
        )
        parts.append("</tbody>")
    return "".join(parts)
