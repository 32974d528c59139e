"""The partner-city map: an equirectangular projection the server computes.

The world's outlines are a static SVG (`cities/static/cities/world.svg`, made
by `manage.py buildworldmap` from Natural Earth's public-domain data); the
cities are drawn over it by the page itself, each a link, so the map works
without JavaScript and nothing comes from another host.
"""

from html import escape

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


def map_point(url, name, lang, label, latitude, longitude, is_home=False):
    """The SVG link of a city on the map: `name` its label, `lang` the language of
    that name when it is not the page's (a fallback; else ""), `label` the link's
    accessible name.

    The directory's template places 200 of these, so the markup is filled in here
    with plain string formatting: a template node, or `format_html`, per attribute
    cost more than the rest of the page."""
    x, y = project(latitude, longitude)
    # Labels near the right edge go to the left of their point.
    anchor = "end" if x > MAP_WIDTH * 0.85 else "start"
    label_x = round(x - 9 if anchor == "end" else x + 9, 1)
    home = ' class="home"' if is_home else ""
    lang = f' lang="{escape(lang)}"' if lang else ""
    return mark_safe(
        f'<a href="{escape(url)}"{home}{lang} aria-label="{escape(label)}">'
        f'<circle class="hit" cx="{x}" cy="{y}" r="14"></circle>'
        f'<circle class="dot" cx="{x}" cy="{y}" r="6"></circle>'
        f'<text x="{label_x}" y="{y}" dy="4" text-anchor="{anchor}" aria-hidden="true">'
        f"{escape(name)}</text></a>"
    )
