"""Sentence segmentation in XLIFF 1.2: a field of more than one sentence goes out
with a `<seg-source>` whose sentences are `<mrk mtype="seg" mid="N">`, so that a
CAT tool's memory leverages sentence by sentence, and comes back whole.

Sentences are `portal.formatting.segments.sentences`. In rich text, a block
element (a paragraph, a heading, a list item) is segmented within: its `<g>`
stays outside the segments, around them, as Trados writes it. An inline element
(a link, bold text) or an `<x/>` is never split: a sentence end inside one is
no boundary, so each inline tag is whole within one segment. The whitespace
between two sentences stays outside the segments.

The target has the same structure: the current translation's sentences, when it
has as many in each block as the original; empty segments when there is none.
A translation that does not align is sent whole, as an unsegmented unit, so
that the reviewer still sees it. Back from the CAT tool, `unwrap` takes the
segments out of a target, leaving their content, and puts the space a language
writes between two sentences where a tool left none (none in Chinese); a target
whose segments are all empty is no translation, and one with some empty is
refused (`untranslated`): a field is translated whole or not at all.
"""

from copy import deepcopy

from lxml import etree

from portal.editorial.xliff_format import NAMESPACE
from portal.formatting.scripts import sentence_joiner
from portal.formatting.segments import sentences

# HTML elements a sentence does not cross: segmented within, never split.
BLOCKS = frozenset(
    """address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3
    h4 h5 h6 header li ol p pre section table tbody td tfoot th thead tr ul""".split()  # noqa: SIM905
)


def _q(name):
    return f"{{{NAMESPACE}}}{name}"


def segment_unit(unit, source_language, target_language, tags):
    """Give `unit` (translate-toolkit's, source and target written) a `<seg-source>`
    and a segmented target, if its source has more than one sentence and its target
    is empty or aligns; `tags` are the original's (`xliff_format.parse_html`), {}
    for plain text. Whether the unit was segmented."""
    blocks = {number for number, (start, _end) in tags.items() if _tag_name(start) in BLOCKS}
    source = unit.xmlelement.find(_q("source"))
    target = unit.xmlelement.find(_q("target"))
    seg_source = deepcopy(source)
    seg_source.tag = _q("seg-source")
    seg_source.attrib.clear()
    shape = _segment(seg_source, source_language, blocks)
    if sum(count for _path, count in shape) < 2:
        return False
    if _has_content(target):
        segmented = deepcopy(target)
        if _segment(segmented, target_language, blocks) != shape:
            return False
        _replace_content(target, segmented)
    else:
        _replace_content(target, _skeleton(seg_source, target_language))
    source.addnext(seg_source)
    for element in (seg_source, target):
        for number, mark in enumerate(element.iter(_q("mrk")), start=1):
            mark.set("mid", str(number))
    return True


def untranslated(target):
    """The `mid`s of the empty segments of `target` when others are translated (a
    field half translated), else []."""
    marks = [mark for mark in target.iter(_q("mrk")) if mark.get("mtype") == "seg"]
    empty = [mark.get("mid") or "?" for mark in marks if not _text(mark).strip()]
    return empty if len(empty) < len(marks) else []


def unwrap(target, language):
    """Take the `<mrk mtype="seg">` out of `target` (an element), keeping their
    content, with `language`'s space between two translated sentences."""
    marks = [mark for mark in target.iter(_q("mrk")) if mark.get("mtype") == "seg"]
    if marks and not any(_text(mark).strip() for mark in marks):
        # Not translated: the skeleton's tags and spaces are no translation.
        target.text = None
        for child in list(target):
            target.remove(child)
        return
    for mark in marks:
        following = mark.getnext()
        if following in marks and _text(mark).strip() and _text(following).strip():
            mark.tail = _joint(mark.tail or "", language)
    for mark in marks:
        _unwrap_one(mark)


def _tag_name(start):
    return start.strip("</>").split(None, 1)[0].lower() if start else ""


def _has_content(element):
    return element is not None and (len(element) or (element.text or "").strip())


def _text(element):
    return "".join(element.itertext())


def _joint(whitespace, language):
    """The whitespace between two sentences in `language`: a line break kept, else
    nothing in Chinese and one space in English."""
    if whitespace.strip():
        return whitespace
    if "\n" in whitespace:
        return whitespace
    return sentence_joiner(language)


def _items(element):
    """The content of `element` as a list of texts and child elements (tails apart)."""
    items = [element.text] if element.text else []
    for child in element:
        tail, child.tail = child.tail, None
        items.append(child)
        if tail:
            items.append(tail)
    return items


def _append(parent, item):
    if isinstance(item, str):
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + item
        else:
            parent.text = (parent.text or "") + item
    else:
        parent.append(item)


def _segment(element, language, blocks, path=()):
    """Segment `element` in place: its runs of text and inline tags between block
    elements into `<mrk>`s, block elements within. Its shape: `[(block path,
    segments)]`, in document order, by which a translation is aligned."""
    items = _items(element)
    element.text = None
    for child in list(element):
        element.remove(child)
    shape, run = [], []
    for item in items:
        if not isinstance(item, str) and item.get("id") in blocks:
            shape += _emit(element, run, language, path)
            run = []
            shape += _segment(item, language, blocks, (*path, item.get("id")))
            element.append(item)
        else:
            run.append(item)
    return shape + _emit(element, run, language, path)


def _width(item):
    """The text a piece counts for in sentence finding (an `<x/>` as a line break)."""
    if isinstance(item, str):
        return item
    # translate-toolkit's placeables are written without a namespace until serialised.
    return "".join(item.itertext()) if etree.QName(item).localname == "g" else "\n"


def _boundaries(run, language):
    """Offsets in the run's text where a sentence ends outside any inline tag."""
    spans, offset = [], 0
    for item in run:
        width = len(_width(item))
        if not isinstance(item, str):
            spans.append((offset, offset + width))
        offset += width
    ends, position = [], 0
    for sentence in sentences("".join(_width(item) for item in run), language)[:-1]:
        position += len(sentence)
        if not any(start < position < end for start, end in spans):
            ends.append(position)
    return ends


def _split(run, ends):
    """The run's pieces as segments (lists of pieces), cut at the offsets `ends`
    (none inside an inline tag)."""
    segments, current, offset, pending = [], [], 0, list(ends)

    def close():
        nonlocal current
        if current:
            segments.append(current)
        current = []

    for item in run:
        width = len(_width(item))
        if isinstance(item, str):
            start = 0
            while pending and pending[0] <= offset + width:
                cut = pending.pop(0) - offset
                if cut > start:
                    current.append(item[start:cut])
                    start = cut
                close()
            if start < width:
                current.append(item[start:])
        else:
            while pending and pending[0] <= offset:
                pending.pop(0)
                close()
            current.append(item)
        offset += width
    close()
    return segments


def _emit(parent, run, language, path):
    """Append the run to `parent`, each sentence with text in a `<mrk>`."""
    count = 0
    for pieces in _split(run, _boundaries(run, language)):
        if not "".join(_width(item) for item in pieces).strip():
            for item in pieces:
                _append(parent, item)
            continue
        lead = trail = ""
        if isinstance(pieces[0], str):
            stripped = pieces[0].lstrip()
            lead, pieces[0] = pieces[0][: len(pieces[0]) - len(stripped)], stripped
        if isinstance(pieces[-1], str):
            stripped = pieces[-1].rstrip()
            trail, pieces[-1] = pieces[-1][len(stripped) :], stripped
        if lead:
            _append(parent, lead)
        mark = etree.SubElement(parent, _q("mrk"), mtype="seg")
        for item in pieces:
            _append(mark, item)
        if trail:
            _append(parent, trail)
        count += 1
    return [(path, count)] if count else []


def _skeleton(seg_source, language):
    """A target shaped as `seg_source`, its segments empty, with `language`'s joints."""
    skeleton = deepcopy(seg_source)
    for mark in skeleton.iter(_q("mrk")):
        mark.text = None
        for child in list(mark):
            mark.remove(child)
        if mark.getnext() is not None and mark.getnext().tag == _q("mrk"):
            mark.tail = _joint(mark.tail or "", language)
    return skeleton


def _replace_content(element, other):
    element.text = other.text
    for child in list(element):
        element.remove(child)
    for child in list(other):
        element.append(child)


def _unwrap_one(mark):
    parent, index = mark.getparent(), mark.getparent().index(mark)
    before = mark.getprevious()
    text = mark.text or ""
    if before is None:
        parent.text = (parent.text or "") + text
    else:
        before.tail = (before.tail or "") + text
    children = list(mark)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else mark.getprevious()
    tail = mark.tail or ""
    parent.remove(mark)
    if last is None:
        parent.text = (parent.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail
