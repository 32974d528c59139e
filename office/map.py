"""The contact page's map: a crop of the portal's own world map around the office's
city, projected as the partner-city map is (`cities.map`)."""

from dataclasses import dataclass

from cities.map import MAP_HEIGHT, MAP_WIDTH, project

CROP_WIDTH, CROP_HEIGHT = 120.0, 60.0


@dataclass
class OfficeMap:
    x: float
    y: float
    view_box: str


def office_map(city):
    """The map around `city` (the home city, where the office is), or None without
    coordinates."""
    if city is None or city.latitude is None or city.longitude is None:
        return None
    x, y = project(city.latitude, city.longitude)
    left = min(max(x - CROP_WIDTH / 2, 0.0), MAP_WIDTH - CROP_WIDTH)
    top = min(max(y - CROP_HEIGHT / 2, 0.0), MAP_HEIGHT - CROP_HEIGHT)
    return OfficeMap(x, y, f"{left:g} {top:g} {CROP_WIDTH:g} {CROP_HEIGHT:g}")
