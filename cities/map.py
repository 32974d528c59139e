"""The partner-city map: an equirectangular projection the server computes.

The world's outlines are a static SVG (`cities/static/cities/world.svg`, made
by `manage.py buildworldmap` from Natural Earth's public-domain data); the
cities are drawn over it by the page itself, each a link, so the map works
without JavaScript and nothing comes from another host.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

MAP_WIDTH = 1000
MAP_HEIGHT = 400
# Latitudes shown: the inhabited world, without Antarctica.
NORTH, SOUTH = 84.0, -60.0


def project(latitude, longitude):
    """(latitude, longitude) in degrees → (x, y) in the map's viewBox."""
    x = (float(longitude) + 180.0) / 360.0 * MAP_WIDTH
    y = (NORTH - float(latitude)) / (NORTH - SOUTH) * MAP_HEIGHT
    return round(x, 1), round(min(max(y, 0.0), MAP_HEIGHT), 1)


# One city on the map, a link (the page's template loops over 200 of these, so the
# markup is filled in here: a template node per attribute cost about 20 ms).
POINT = (
    '<a href="{url}"{home}{lang} aria-label="{label}">'
    '<circle class="hit" cx="{x}" cy="{y}" r="14"></circle>'
    '<circle class="dot" cx="{x}" cy="{y}" r="6"></circle>'
    '<text x="{label_x}" y="{y}" dy="4" text-anchor="{anchor}" aria-hidden="true">{name}</text>'
    "</a>"
)


def map_point(url, name, label, latitude, longitude, is_home=False):
    """The SVG link of a city: `name` a `LocalizedText` (its `lang` goes on the link
    when it fell back), `label` the link's accessible name."""
    x, y = project(latitude, longitude)
    # Labels near the right edge go to the left of their point.
    anchor = "end" if x > MAP_WIDTH * 0.85 else "start"
    return format_html(
        POINT,
        url=url,
        home=mark_safe(' class="home"') if is_home else "",
        lang=name.lang_attribute,
        label=label,
        x=x,
        y=y,
        label_x=round(x - 9 if anchor == "end" else x + 9, 1),
        anchor=anchor,
        name=name.text,
    )
