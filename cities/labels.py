"""Labels on the diagram that never cover one another, a dot, or another city's
tap target: each tries the places around its dot in turn and takes the first
free one, or is left out (its city is still named to screen readers, in the
key and in the table).

The server cannot measure text, so widths are estimated on the wide side (bold
DejaVu Sans for Latin letters, a full em for Chinese characters) and heights
take the line box of Noto Sans CJK, the tallest font the page names.
"""

import math
from dataclasses import dataclass

ASCENT, DESCENT = 1.16, 0.29  # em, above and below the baseline
PAD = 2  # units of clear space around a label
NARROW = frozenset("iljtfr.,;:'|!()[] -")
WIDE = frozenset("mwMWOQDGHNU")


@dataclass
class Label:
    text: str
    x: float
    y: float  # the baseline
    anchor: str  # "start", "middle" or "end"
    box: tuple  # (left, top, right, bottom), with the clear space


def text_width(text, size):
    """An estimate of `text`'s width at font `size`, generous rather than short."""
    ems = 0.0
    for character in text:
        if ord(character) >= 0x2E80:  # CJK and full-width forms
            ems += 1.0
        elif character in NARROW:
            ems += 0.4
        elif character in WIDE:
            ems += 0.9
        elif character.isupper() or character.isdigit():
            ems += 0.76
        else:
            ems += 0.68
    return ems * size


def label_at(text, size, anchor, x, baseline, pad=PAD):
    width = text_width(text, size)
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    box = (
        left - pad,
        baseline - ASCENT * size - pad,
        left + width + pad,
        baseline + DESCENT * size + pad,
    )
    return Label(text, round(x, 1), round(baseline, 1), anchor, box)


def spots(x, y, radius, size, rightwards):
    """Where a label may go around a dot of `radius` at (x, y), best first: beside
    it (away from the centre first), above, below, then diagonally."""
    gap = radius + 2
    middle = y + size * (ASCENT - DESCENT) / 2  # a baseline that centres the text on y
    above, below = y - gap - DESCENT * size, y + gap + ASCENT * size
    beside = [("start", x + gap, middle), ("end", x - gap, middle)]
    corners = [("start", x + gap * 0.7, above), ("start", x + gap * 0.7, below)]
    corners += [("end", x - gap * 0.7, above), ("end", x - gap * 0.7, below)]
    if not rightwards:
        beside.reverse()
        corners.reverse()
    return [*beside, ("middle", x, above), ("middle", x, below), *corners]


class Board:
    """What is drawn so far, for the next label to keep clear of: label boxes, and
    circles (dots and tap targets) each with its owner."""

    def __init__(self, size):
        self.size = size
        self.boxes = []
        self.circles = []

    def fits(self, box, owner=None):
        left, top, right, bottom = box
        if left < 0 or top < 0 or right > self.size or bottom > self.size:
            return False
        if any(_overlap(box, other) for other in self.boxes):
            return False
        return not any(
            circle_owner is not owner and _touches(box, cx, cy, r)
            for cx, cy, r, circle_owner in self.circles
        )

    def place(self, text, size, choices, owner=None, pad=PAD):
        """The first of `choices` ((anchor, x, baseline)) that fits, now taken; or None."""
        for anchor, x, baseline in choices:
            label = label_at(text, size, anchor, x, baseline, pad)
            if self.fits(label.box, owner):
                self.boxes.append(label.box)
                return label
        return None


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _touches(box, cx, cy, r):
    nearest_x = min(max(cx, box[0]), box[2])
    nearest_y = min(max(cy, box[1]), box[3])
    return math.hypot(cx - nearest_x, cy - nearest_y) < r
