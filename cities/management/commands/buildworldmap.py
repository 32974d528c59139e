"""Draw `cities/static/cities/world.svg` from a TopoJSON world atlas.

The committed SVG was made from world-atlas 2.0.2's countries-110m.json
(Natural Earth 1:110m, public domain):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python manage.py buildworldmap package/countries-110m.json
"""

import itertools
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from cities.map import MAP_HEIGHT, MAP_WIDTH, project

OUTPUT = Path(__file__).resolve().parents[2] / "static" / "cities" / "world.svg"
ANTARCTICA = "010"


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def ring_path(points):
    """An SVG path in whole map units (a pixel at desk width), repeats dropped."""
    projected = []
    for lon, lat in points:
        x, y = (round(value) for value in project(lat, lon))
        if not projected or projected[-1] != (x, y):
            projected.append((x, y))
    if len(projected) < 3:
        return ""
    return "".join(
        "M" + "L".join(f"{x:g} {y:g}" for x, y in piece) + "Z" for piece in edge_pieces(projected)
    )


def _crosses(a, b):
    return abs(b[0] - a[0]) > MAP_WIDTH / 2


def _crossing(a, b):
    """Where the line from `a` to `b` meets the antimeridian: (y, edge of a, edge of b)."""
    (x0, y0), (x1, y1) = a, b
    edge_a, edge_b = (MAP_WIDTH, 0) if x0 > x1 else (0, MAP_WIDTH)
    # Unwrapped, b lies beyond a's edge by its distance from its own edge.
    beyond = edge_a + (x1 - edge_b)
    share = (edge_a - x0) / (beyond - x0) if beyond != x0 else 0.0
    return round(y0 + share * (y1 - y0), 1), edge_a, edge_b


def edge_pieces(ring):
    """A ring crossing the antimeridian as pieces, each running from the map's edge
    to the edge on its own side of the map, so that closing one draws along that
    edge, not across the land (a ring that leaves and returns once: one piece per
    side). A ring that does not cross, or crosses an odd number of times (a polygon
    around a pole), is one piece."""
    closed = [*ring, ring[0]]
    jumps = [i for i in range(len(ring)) if _crosses(closed[i], closed[i + 1])]
    if not jumps or len(jumps) % 2:
        return [ring]
    start = jumps[0] + 1
    turned = ring[start:] + ring[:start]
    y, _edge, edge_b = _crossing(turned[-1], turned[0])
    pieces, piece = [], [(edge_b, y)]
    for a, b in itertools.pairwise([*turned, turned[0]]):
        piece.append(a)
        if _crosses(a, b):
            y, edge_a, edge_b = _crossing(a, b)
            pieces.append([*piece, (edge_a, y)])
            piece = [(edge_b, y)]
    return pieces


class Command(BaseCommand):
    help = "Draw the partner-city map's world outlines from a TopoJSON file."

    def add_arguments(self, parser):
        parser.add_argument("topojson")

    def handle(self, topojson, **options):
        topology = json.loads(Path(topojson).read_text())
        arcs = decode_arcs(topology)
        paths = []
        for geometry in topology["objects"]["countries"]["geometries"]:
            if geometry.get("id") == ANTARCTICA or not geometry.get("arcs"):
                continue
            polygons = (
                geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            )
            paths.append(
                "".join(
                    ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon
                )
            )
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}">'
            f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#dfe9f3"/>'
            '<g fill="#f7f5f0" stroke="#9fb0c2" stroke-width="0.5" stroke-linejoin="round">'
            + "".join(f'<path d="{d}"/>' for d in paths)
            + "</g></svg>\n"
        )
        OUTPUT.write_text(svg)
        self.stdout.write(f"Wrote {OUTPUT} ({len(svg):,} bytes, {len(paths)} countries).")
