"""Reading a translated XLIFF 1.2 file, strictly: its language, its units, and what
in a unit's target cannot be taken as it is.

The file is parsed by translate-toolkit's safe parser (no entity is resolved,
nothing is fetched). Its `target-language` is read as a BCP 47 tag
(`portal.formatting.language_tags`: `zh-CN` is the portal's `zh-hans`).

A target may hold text, the original's numbered inline tags (`<g>`, `<x/>`, in
rich text only) and `<mrk>` annotations (their text is taken). Anything else is
reported for its unit, never dropped: an element such as `<script>` or `<ph>`,
an entity (`&nbsp;`, declared in the file or not), and HTML written as text
(`&lt;b&gt;` or `&amp;nbsp;`, which would print literally). An entity the file
does not declare would make the whole file unreadable XML; it is marked before
parsing (between two private-use characters) so that its unit alone is refused.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree
from translate.misc.xml_helpers import parse_xml

from portal.editorial.xliff_format import NAMESPACE, Unit12
from portal.formatting.language_tags import canonical, portal_language

# An entity reference other than XML's own five, and how it is marked instead.
ENTITY = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z_][A-Za-z0-9._-]*);")
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")
# HTML written as text in a target.
HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
INLINE = {"g", "x"}  # the original's tags (xliff_format)
ANNOTATIONS = {"mrk"}


class UnreadableFile(ValueError):
    """The file as a whole cannot be read."""


def _q(name):
    return f"{{{NAMESPACE}}}{name}"


def _mark_entities(data):
    return ENTITY.sub(
        lambda match: b"&#xE000;" + match.group(1) + b"&#xE001;",
        data,
    )


def read(data):
    """`(portal language, [trans-unit elements])` of an XLIFF 1.2 file, or UnreadableFile."""
    try:
        root = parse_xml(_mark_entities(data))
    except etree.XMLSyntaxError as error:
        raise UnreadableFile(
            _("This is not an XLIFF file: %(error)s") % {"error": error}
        ) from error
    if root.tag != _q("xliff"):
        raise UnreadableFile(_("This is not an XLIFF 1.2 file: its root is not <xliff>."))
    languages = {portal_language(file.get("target-language")) for file in root.iter(_q("file"))}
    if len(languages) != 1 or None in languages:
        ours = ", ".join(canonical(code) for code, _name in settings.LANGUAGES)
        raise UnreadableFile(
            _("The file names no target language the portal has (%(languages)s).")
            % {"languages": ours}
        )
    return languages.pop(), list(root.iter(_q("trans-unit")))


def unit(element):
    """translate-toolkit's view of one `<trans-unit>` (its notes, rich target)."""
    return Unit12.createfromxmlElement(element)


def target_problem(element, rich):
    """Why the target of `element` (a `<trans-unit>`) cannot be taken, or None."""
    target = element.find(_q("target"))
    if target is None:
        return None
    allowed = ANNOTATIONS | (INLINE if rich else set())
    for node in target.iterdescendants():
        if isinstance(node, etree._Entity):
            return _entity(node.text)
        if not isinstance(node.tag, str):
            continue  # a comment or a processing instruction
        name = etree.QName(node)
        if name.namespace != NAMESPACE or name.localname not in allowed:
            return _(
                "the target contains a <%(tag)s> element, which is not one of the "
                "original's inline tags"
            ) % {"tag": name.localname}
    text = "".join(target.itertext(tag=etree.Element))
    marked = MARKED.search(text)
    if marked:
        return _entity(f"&{marked.group(1)};")
    entity = HTML_ENTITY.search(text)
    if entity:
        return _entity(entity.group(0))
    markup = HTML_TAG.search(text)
    if markup:
        return _(
            "the target contains the markup %(markup)s as text: use the original's inline tags"
        ) % {"markup": markup.group(0)}
    return None


def _entity(entity):
    return _("the target contains the entity %(entity)s: write the character itself") % {
        "entity": entity
    }
