"""The world map's outlines: a country crossing the antimeridian (Russia, Fiji) is
drawn in pieces that close along the map's edge, never by a straight line across
the land (which showed as a streak from Vladivostok to the date line, on the
partner-city map and in the contact page's crop)."""

import itertools
import math
import re

from django.conf import settings

from cities.management.commands.buildworldmap import edge_pieces, ring_path
from cities.map import MAP_WIDTH

WORLD = settings.BASE_DIR / "cities/static/cities/world.svg"
POINT = re.compile(r"(-?[\d.]+) (-?[\d.]+)")


def subpaths():
    for d in re.findall(r'<path d="([^"]+)"', WORLD.read_text()):
        for part in re.findall(r"M[^M]*", d):
            yield [tuple(map(float, pair)) for pair in POINT.findall(part)]


def test_every_outline_closes_where_it_began_or_along_the_edge():
    long_closings = []
    for points in subpaths():
        first, last = points[0], points[-1]
        along_edge = first[0] == last[0] and first[0] in (0, MAP_WIDTH)
        if math.dist(first, last) > 2 and not along_edge:
            long_closings.append((first, last))
    assert long_closings == []


def test_no_line_runs_across_the_whole_map():
    for points in subpaths():
        for (x0, _y0), (x1, _y1) in itertools.pairwise(points):
            assert abs(x1 - x0) <= MAP_WIDTH / 2


def test_a_ring_across_the_antimeridian_becomes_a_piece_on_each_side():
    # A square across the date line: x 990 to 1010, drawn as 990 and 10.
    ring = [(990, 10), (990, 20), (10, 20), (10, 10)]
    assert edge_pieces(ring) == [
        [(0, 20.0), (10, 20), (10, 10), (0, 10.0)],
        [(1000, 10.0), (990, 10), (990, 20), (1000, 20.0)],
    ]


def test_a_ring_that_stays_on_one_side_is_drawn_as_it_was():
    assert ring_path([(0, 0), (10, 0), (10, 10)]).count("M") == 1
