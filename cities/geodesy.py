"""Distance and direction along the great circle, on a spherical Earth.

The directory's diagram (`cities.diagram`) places each partner by these two
numbers as seen from the home city; its table prints them. A sphere of the
mean radius is within about 0.5 % of the ellipsoid, closer than a city-centre
position of two decimals needs.
"""

import math

EARTH_RADIUS_KM = 6371.0088  # the IUGG mean radius
ANTIPODE_KM = math.pi * EARTH_RADIUS_KM  # the farthest any place can be: 20,015 km

# The eight points of the compass, clockwise from north, each 45° wide.
COMPASS_POINTS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def distance_and_bearing(origin, destination):
    """(kilometres, degrees) from `origin` to `destination`, each (latitude,
    longitude) in degrees: the great-circle distance (haversine) and the initial
    bearing, clockwise from true north in [0, 360)."""
    lat1, lon1 = (math.radians(float(value)) for value in origin)
    lat2, lon2 = (math.radians(float(value)) for value in destination)
    d_lon = lon2 - lon1
    haversine = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin(d_lon / 2) ** 2
    )
    angle = 2 * math.asin(min(1.0, math.sqrt(haversine)))
    bearing = math.atan2(
        math.sin(d_lon) * math.cos(lat2),
        math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(d_lon),
    )
    return angle * EARTH_RADIUS_KM, math.degrees(bearing) % 360.0


def compass_point(bearing):
    """The nearest of the eight compass points to `bearing` (degrees): "N" … "NW"."""
    return COMPASS_POINTS[round(bearing / 45.0) % 8]
