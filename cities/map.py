"""The partner-city map: an equirectangular projection the server computes.

The world's outlines are a static SVG (`cities/static/cities/world.svg`, made
by `manage.py buildworldmap` from Natural Earth's public-domain data); the
cities are drawn over it by the page itself, each a link, so the map works
without JavaScript and nothing comes from another host.
"""

from dataclasses import dataclass

MAP_WIDTH = 1000
MAP_HEIGHT = 400
# Latitudes shown: the inhabited world, without Antarctica.
NORTH, SOUTH = 84.0, -60.0


def project(latitude, longitude):
    """(latitude, longitude) in degrees → (x, y) in the map's viewBox."""
    x = (float(longitude) + 180.0) / 360.0 * MAP_WIDTH
    y = (NORTH - float(latitude)) / (NORTH - SOUTH) * MAP_HEIGHT
    return round(x, 1), round(min(max(y, 0.0), MAP_HEIGHT), 1)


@dataclass
class MapPoint:
    city: object
    x: float
    y: float
    is_home: bool = False

    @property
    def label_anchor(self):
        """Labels near the right edge go to the left of their point."""
        return "end" if self.x > MAP_WIDTH * 0.85 else "start"

    @property
    def label_x(self):
        return self.x - 9 if self.label_anchor == "end" else self.x + 9


def place_on_map(cities, home=None):
    points = [
        MapPoint(city, *project(city.latitude, city.longitude))
        for city in cities
        if city.latitude is not None and city.longitude is not None
    ]
    if home is not None and home.latitude is not None and home.longitude is not None:
        points.append(MapPoint(home, *project(home.latitude, home.longitude), is_home=True))
    return points
