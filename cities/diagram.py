"""The directory's diagram of direction and distance from the home city.

Not a map: no coastline, no country and no border is drawn (a map that draws
borders needs an approved standard map and its 审图号, which the office may
upload instead: `portal.models.StandardMap`). Each partner is a dot placed by
the great circle from the home city: its bearing is the dot's true direction
from the centre, its distance is read against rings labelled in kilometres.

The radius grows with the logarithm of the distance: on a linear scale (an
azimuthal equidistant projection) the demo's eight partners within 2,000 km of
Shenyang sit inside a tenth of the radius, a 35 px blob on a phone. Dots
closer than a fingertip merge into one marker that counts its cities.
"""

import math
from dataclasses import dataclass, field

from cities.geodesy import distance_and_bearing

SIZE = 360  # the diagram is a square of SIZE × SIZE units (its viewBox)
CENTRE = SIZE / 2
RIM = 146  # the outer ring's radius: outside it, the compass letters
INNER = 22  # the home city's own room: distance 0 is drawn this far out
KNEE_KM = 300  # the scale is near-linear below this distance, logarithmic above
OUTER_KM = (2000, 5000, 10000, 20000)  # the outer ring: the first beyond every partner
RINGS_KM = (2000, 5000, 10000, 20000)

# A tap target of 44 CSS px where the diagram is narrowest: 346 px wide at a
# 390 px viewport (care mode's 22 px margins). Markers closer than two of
# these radii merge, so no two targets overlap.
NARROWEST_PX = 346
HIT = math.ceil(22 * SIZE / NARROWEST_PX)
DOT, GROUP_DOT, HOME_DOT = 6, 11, 6


@dataclass
class Place:
    """A partner city as the diagram shows it."""

    name: str  # its label
    lang: str  # the language of `name` when it is not the page's (a fallback), else ""
    url: str
    country: str
    position: tuple = ()  # (latitude, longitude) in degrees
    distance: float = 0.0  # km along the great circle from the home city
    bearing: float = 0.0  # degrees clockwise from north
    x: float = 0.0
    y: float = 0.0


@dataclass
class Marker:
    """One dot on the diagram: a city, or a group of cities too close to tell apart."""

    places: list = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    number: int = 0  # its place in the diagram's key (groups only)
    label: object = None  # a `cities.labels.Label`, or None where none fits

    @property
    def is_group(self):
        return len(self.places) > 1


class Scale:
    """Kilometres from the home city → radius in the diagram's units."""

    def __init__(self, farthest_km):
        self.outer_km = next((km for km in OUTER_KM if km >= farthest_km), OUTER_KM[-1])
        self._log_outer = math.log1p(self.outer_km / KNEE_KM)

    def radius(self, km):
        share = math.log1p(min(km, self.outer_km) / KNEE_KM) / self._log_outer
        return INNER + (RIM - INNER) * share

    def rings(self):
        """(km, radius) of each ring drawn: those up to the outer one."""
        return [(km, self.radius(km)) for km in RINGS_KM if km <= self.outer_km]


def point(radius, bearing):
    """The diagram's (x, y) at `radius` from the centre towards `bearing` (degrees)."""
    angle = math.radians(bearing)
    return CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)


def place_all(places, home_position):
    """Measure each place from the home city and put it on the diagram; returns the
    scale. `home_position` is (latitude, longitude); so is each place's `position`."""
    for place in places:
        place.distance, place.bearing = distance_and_bearing(home_position, place.position)
    scale = Scale(max((place.distance for place in places), default=0.0))
    for place in places:
        place.x, place.y = point(scale.radius(place.distance), place.bearing)
    return scale


def markers_for(places, reach=2 * HIT):
    """The places as markers, none closer than `reach` to another: nearest first,
    each place joins the first marker within reach or starts its own. A group then
    moves to the middle of its cities where that keeps it out of reach of the rest."""
    markers = []
    for place in sorted(places, key=lambda place: place.distance):
        near = next((m for m in markers if _apart(m, place) < reach), None)
        if near is None:
            markers.append(Marker([place], place.x, place.y))
        else:
            near.places.append(place)
    number = 0
    for marker in markers:
        if not marker.is_group:
            continue
        number += 1
        marker.number = number
        middle = Marker(marker.places, *_middle(marker.places))
        if all(_apart(middle, other) >= reach for other in markers if other is not marker):
            marker.x, marker.y = middle.x, middle.y
    return markers


def _middle(places):
    return (
        sum(place.x for place in places) / len(places),
        sum(place.y for place in places) / len(places),
    )


def _apart(a, b):
    return math.hypot(a.x - b.x, a.y - b.y)


def ring_label_bearing(places):
    """South, or north when a place lies nearer the south axis: where the rings'
    labels go, one above the other."""

    def clearance(axis):
        return min((abs((place.bearing - axis + 180) % 360 - 180) for place in places), default=180)

    return 180.0 if clearance(180.0) >= clearance(0.0) else 0.0
