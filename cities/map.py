"""The directory's diagram as server-drawn SVG, with its key and its table.

Lays out the places (`cities.diagram`), labels them (`cities.labels`) and
writes the markup. The directory draws 200 cities on every page view, so the
markup is written with plain string formatting: a template node, or
`format_html`, per attribute cost more than the rest of the page.

Measured in-process (200 cities, the include rendered, best of 100 runs on a
shared 2-core machine): the old world map's points 3.6-3.8 ms; this diagram,
with its grouping, label placement and table, 5.6-6.1 ms.
"""

from dataclasses import dataclass
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cities.diagram import (
    CENTRE,
    DOT,
    GROUP_DOT,
    HIT,
    HOME_DOT,
    RIM,
    SIZE,
    markers_for,
    place_all,
    point,
    ring_label_bearing,
)
from cities.labels import ASCENT as ASCENT_EM
from cities.labels import DESCENT as DESCENT_EM
from cities.labels import Board, label_at, spots
from cities.map_text import Words

# Font sizes in the diagram's units (a unit is a CSS pixel at 360 px wide):
# larger in care mode, where the layout leaves out the labels that no longer fit.
SIZES = {False: {"label": 12.5, "small": 10}, True: {"label": 16.5, "small": 12}}


@dataclass
class Diagram:
    """Safe markup: the SVG and the table's bodies (a group's cities together)."""

    svg: str
    table: str
    home: object  # the `Place` at the centre


def diagram(places, home, care=False):
    """The diagram of `places` (`cities.diagram.Place`) around `home` (a Place at
    the centre, its `position` set), its text in care mode's sizes when `care`."""
    sizes = SIZES[care]
    words = Words()
    scale = place_all(places, home.position)
    markers = markers_for(places)
    board = Board(SIZE)
    for marker in markers:
        board.circles.append((marker.x, marker.y, HIT, marker))
    board.circles.append((CENTRE, CENTRE, HOME_DOT + 2, home))
    decorations = _decorations(board, scale, places, sizes["small"], words)
    home_label = board.place(
        home.name, sizes["label"], spots(CENTRE, CENTRE, HOME_DOT, sizes["label"], True), home
    )
    for marker in sorted(markers, key=lambda m: (-len(m.places), m.places[0].distance)):
        radius = GROUP_DOT if marker.is_group else DOT
        text = words.group_name(marker) if marker.is_group else marker.places[0].name
        choices = spots(marker.x, marker.y, radius, sizes["label"], marker.x >= CENTRE)
        marker.label = board.place(text, sizes["label"], choices, marker)
    markup = "".join(_marker(marker, words) for marker in markers)
    # Looked up outside the f-string: makemessages does not read calls inside one.
    aria_label = escape(_("Partner cities by direction and distance"))
    svg = (
        f'<svg class="diagram" viewBox="0 0 {SIZE} {SIZE}" font-size="{sizes["label"]}" '
        f'role="group" aria-label="{aria_label}">'
        f"{decorations}{_home(home, home_label)}{markup}</svg>"
    )
    return Diagram(mark_safe(svg), mark_safe(words.table_body(markers)), home)


def _decorations(board, scale, places, size, words):
    """The rings, each labelled just inside itself on the south or north axis (the
    clearer first), the eight directions and the compass letters."""
    bearing = ring_label_bearing(places)
    parts = [f'<g class="grid" aria-hidden="true" font-size="{size}">']
    for _km, radius in scale.rings():
        parts.append(f'<circle class="ring" cx="{CENTRE}" cy="{CENTRE}" r="{radius:.1f}"></circle>')
    for degrees in range(0, 360, 45):
        x, y = point(RIM, degrees)
        parts.append(f'<line x1="{CENTRE}" y1="{CENTRE}" x2="{x:.1f}" y2="{y:.1f}"></line>')
    for degrees, letter in zip((0, 90, 180, 270), words.compass, strict=True):
        x, y = point(RIM + size * 0.9, degrees)
        label = label_at(letter, size, "middle", x, y + size * 0.42)
        board.boxes.append(label.box)
        parts.append(_text(label, "compass"))
    for km, radius in scale.rings():
        choices = [_ring_spot(radius, axis, size) for axis in (bearing, 180.0 - bearing)]
        label = board.place(words.distance(km), size, choices, pad=1)
        if label:
            parts.append(_text(label, "ring-label"))
    parts.append("</g>")
    return "".join(parts)


def _ring_spot(radius, axis, size):
    """A ring's label just inside the ring, on the south (180) or north (0) axis."""
    x, y = point(radius, axis)
    baseline = y - 2 - DESCENT_EM * size if axis == 180.0 else y + 2 + ASCENT_EM * size
    return ("middle", x, baseline)


def _home(home, label):
    text = _text(label) if label else ""
    lang = f' lang="{home.lang}"' if home.lang else ""
    return (
        f'<g class="home"{lang} aria-hidden="true"><circle class="home-dot" cx="{CENTRE}" '
        f'cy="{CENTRE}" r="{HOME_DOT}"></circle>{text}</g>'
    )


def _marker(marker, words):
    x, y = round(marker.x, 1), round(marker.y, 1)
    label = _text(marker.label) if marker.label else ""
    if not marker.is_group:
        place = marker.places[0]
        lang = f' lang="{place.lang}"' if place.lang else ""
        name = words.city(place)
        return (
            f'<a href="{escape(place.url)}"{lang} aria-label="{escape(name)}">'
            f'<circle class="hit" cx="{x}" cy="{y}" r="{HIT}"></circle>'
            f'<circle class="dot" cx="{x}" cy="{y}" r="{DOT}"></circle>{label}</a>'
        )
    count = len(marker.places)
    return (
        f'<a href="#diagram-group-{marker.number}" class="group" '
        f'aria-label="{escape(words.group_description(marker))}">'
        f'<circle class="hit" cx="{x}" cy="{y}" r="{HIT}"></circle>'
        f'<circle class="dot" cx="{x}" cy="{y}" r="{GROUP_DOT}"></circle>'
        f'<text class="count" x="{x}" y="{y}" dy="0.35em" text-anchor="middle" '
        f'aria-hidden="true">{count}</text>{label}</a>'
    )


def _text(label, css_class=""):
    class_attribute = f' class="{css_class}"' if css_class else ""
    return (
        f'<text{class_attribute} x="{label.x}" y="{label.y}" text-anchor="{label.anchor}" '
        f'aria-hidden="true">{escape(label.text)}</text>'
    )
