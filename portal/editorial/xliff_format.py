"""XLIFF 1.2 through translate-toolkit, and rich text as protected inline tags.

translate-toolkit writes XLIFF 1.1 unless told otherwise; `Xliff12` is its
`xlifffile` in the 1.2 namespace (units too), valid against the OASIS XLIFF
1.2 schema. Rich text goes out with each HTML element as an inline `<g>`
(with content) or `<x/>` (empty, such as `<br>`), numbered in document order,
so a CAT tool shows the text and protects the tags. Coming back, the numbers
are mapped to the tags of the original as it is now (the import refuses a
unit whose original changed), so a translation can only use the original's
markup, and is sanitised by the field as the editor's would be.
"""

import hashlib
from html import escape
from html.parser import HTMLParser

from translate.storage import xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import G, X

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
# Elements with no content (HTML's void elements the editor may produce).
VOID = {"br", "hr", "img", "wbr"}


class Unit12(xliff.xliffunit):
    namespace = NAMESPACE


class Xliff12(xliff.xlifffile):
    namespace = NAMESPACE
    UnitClass = Unit12
    # A segmented source's whitespace is text: indented as <source> is (not at all).
    XMLindent = {
        **xliff.xlifffile.XMLindent,
        "leaves": {*xliff.xlifffile.XMLindent["leaves"], "seg-source"},
    }
    XMLskeleton = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NAMESPACE}">
<file original="portal" source-language="zh-Hans" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


def basis(text):
    """A fingerprint of an original, kept in each unit: the import compares it."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


class _Tags(HTMLParser):
    """HTML → a tree of text and numbered elements, with each number's tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = []
        self.stack = [self.root]
        self.tags = {}  # id → (start tag, end tag)

    def _number(self, start, end):
        number = str(len(self.tags) + 1)
        self.tags[number] = (start, end)
        return number

    def handle_starttag(self, tag, attrs):
        start = self.get_starttag_text()
        if tag in VOID:
            self.stack[-1].append(("x", self._number(start, ""), []))
            return
        node = ("g", self._number(start, f"</{tag}>"), [])
        self.stack[-1].append(node)
        self.stack.append(node[2])

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].append(("x", self._number(self.get_starttag_text(), ""), []))

    def handle_endtag(self, tag):
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].append(data)


def parse_html(html):
    parser = _Tags()
    parser.feed(html or "")
    parser.close()
    return parser.root, parser.tags


def _placeables(nodes):
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif node[0] == "x":
            parts.append(X(id=node[1]))
        else:
            parts.append(G(id=node[1], sub=_placeables(node[2]) or [""]))
    return parts


def rich(html):
    """Rich text as translate-toolkit placeables (`unit.rich_source`)."""
    return [StringElem(_placeables(parse_html(html)[0]))]


class UnknownTag(ValueError):
    pass


def html_from(elements, tags):
    """A unit's `rich_target` back to HTML, its tags taken from the original's `tags`."""
    out = []

    def walk(element):
        if isinstance(element, str):
            out.append(escape(element, quote=False))
            return
        if isinstance(element, (G, X)):
            if element.id not in tags:
                raise UnknownTag(element.id)
            start, end = tags[element.id]
            out.append(start)
            for sub in element.sub:
                walk(sub)
            out.append(end)
            return
        for sub in element.sub:
            walk(sub)

    for element in elements or []:
        walk(element)
    return "".join(out)


def unit_id(record, name):
    return f"{record._meta.label_lower}/{record.pk}/{name}"


def parse_unit_id(value):
    """ "news.article/12/body" → ("news.article", 12, "body"), or None."""
    parts = (value or "").split("/")
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1]), parts[2]
