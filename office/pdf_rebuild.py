"""The allowlist a PDF form is written anew from (`office.pdf` checks it first): the
pages, the AcroForm fields and their widgets, plain links and the language; see
`office.pdf`'s docstring for what is left out."""

import copy
import io
import re

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    StreamObject,
)

from office.pdf import FOUND_BY_ACTION, FOUND_BY_SUBTYPE, _get, _raw, plain_link

# The allowlist the stored file is written from.
PAGE_KEYS = {"/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate"}
PAGE_KEYS |= {"/UserUnit", "/Group", "/Tabs", "/Contents"}
RESOURCE_KEYS = {"/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/XObject", "/Font"}
RESOURCE_KEYS |= {"/ProcSet", "/Properties"}
ANNOTATION_KEYS = {"/Type", "/Subtype", "/Rect", "/Contents", "/NM", "/M", "/F"}
ANNOTATION_KEYS |= {"/Border", "/BS", "/C", "/H", "/QuadPoints", "/AP", "/AS", "/MK"}
FIELD_KEYS = {"/FT", "/T", "/TU", "/TM", "/Ff", "/V", "/DV", "/Opt", "/TI", "/I"}
FIELD_KEYS |= {"/MaxLen", "/DA", "/Q", "/DS"}
ACROFORM_KEYS = {"/DA", "/Q", "/NeedAppearances"}
# Inside content, resources and appearances, these keys are left out wherever they
# are met, and so is a dictionary of a kind in NOT_CONTENT_TYPES or ACTION_TYPES.
NOT_CONTENT_KEYS = {"/A", "/AA", "/JS", "/JavaScript", "/OpenAction", "/URI", "/Names"}
NOT_CONTENT_KEYS |= {"/EmbeddedFiles", "/EF", "/XFA", "/AcroForm", "/Annots", "/Dest"}
NOT_CONTENT_KEYS |= {"/Next", "/Parent", "/Metadata", "/PieceInfo", "/StructParent"}
NOT_CONTENT_KEYS |= {"/StructParents", "/F", "/FFilter", "/FDecodeParms", "/Length"}
NOT_CONTENT_TYPES = {"/Catalog", "/Pages", "/Page", "/Annot", "/Action", "/Filespec"}
NOT_CONTENT_TYPES |= {"/EmbeddedFile", "/Metadata", "/Sig", "/StructElem"}
ACTION_TYPES = set(FOUND_BY_ACTION) | {"/GoTo", "/Thread", "/URI", "/Hide", "/Named"}
ACTION_TYPES |= {"/ResetForm", "/SetOCGState", "/Trans", "/GoToDp"}


class Rebuild:
    """A new PDF holding, of `reader`'s document, only what the allowlists above name.

    Objects are copied one by one into a fresh writer; each one reached twice (a
    font used on two pages, a widget that is both an annotation and a field) is
    copied once, remembered by its source object number in `copied`."""

    def __init__(self, reader):
        self.reader = reader
        self.writer = PdfWriter()
        self.writer.metadata = None
        header = reader.pdf_header
        if re.fullmatch(r"%PDF-[12]\.\d", header):
            self.writer.pdf_header = header
        self.copied = {}
        self.named = None  # the named destinations, read when a link needs them

    def write(self):
        sources = list(self.reader.pages)
        targets = []
        for source in sources:
            target = self.writer.add_blank_page(612, 792)  # its own boxes follow
            targets.append(target)
            if source.indirect_reference is not None:
                self.copied[self._key(source.indirect_reference)] = target.indirect_reference
        for source, target in zip(sources, targets, strict=True):
            self._page(source, target)
        self._acroform()
        language = _get(self.reader.trailer["/Root"], "/Lang")
        if isinstance(language, str):  # what a screen reader reads the form in
            self.writer._root_object[NameObject("/Lang")] = self._leaf(language)
        output = io.BytesIO()
        self.writer.write(output)
        return output.getvalue()

    @staticmethod
    def _key(reference):
        return (reference.idnum, reference.generation)

    def _page(self, source, target):
        for key in PAGE_KEYS & set(source.keys()):
            target[NameObject(key)] = self._content(source.raw_get(key))
        target[NameObject("/Resources")] = self._resources(_raw(source, "/Resources"))
        annotations = ArrayObject()
        for raw in self._items(_get(source, "/Annots")):
            annotation = raw.get_object()
            if not isinstance(annotation, DictionaryObject):
                continue
            subtype = _get(annotation, "/Subtype")
            if subtype == "/Widget":
                annotations.append(self._form_node(raw))
            elif subtype == "/Link" and (copied := self._link(annotation, target)):
                annotations.append(copied)
        if annotations:
            target[NameObject("/Annots")] = annotations

    @staticmethod
    def _items(value):
        value = value.get_object() if value is not None else None
        return list(value) if isinstance(value, ArrayObject) else []

    def _resources(self, raw):
        """A resource dictionary: its kinds of resource, the rest left out."""
        resources = raw.get_object() if raw is not None else None
        if not isinstance(resources, DictionaryObject):
            return DictionaryObject()
        return DictionaryObject(
            {
                NameObject(key): self._content(resources.raw_get(key))
                for key in RESOURCE_KEYS & set(resources.keys())
            }
        )

    def _form_node(self, raw):
        """A field or widget annotation (or both in one dictionary), with its kids
        and parent; a reference to it in the new file."""
        source = raw.get_object()
        key = self._key(raw) if isinstance(raw, IndirectObject) else ("direct", id(source))
        if key in self.copied:
            return self.copied[key]
        target = DictionaryObject()
        reference = self.writer._add_object(target)
        self.copied[key] = reference
        allowed = FIELD_KEYS | (ANNOTATION_KEYS if _get(source, "/Subtype") == "/Widget" else set())
        for name in allowed & set(source.keys()):
            target[NameObject(name)] = self._content(source.raw_get(name))
        page = _raw(source, "/P")
        if isinstance(page, IndirectObject) and self._key(page) in self.copied:
            target[NameObject("/P")] = self.copied[self._key(page)]
        parent = _raw(source, "/Parent")
        if parent is not None and isinstance(parent.get_object(), DictionaryObject):
            target[NameObject("/Parent")] = self._form_node(parent)
        kids = [kid for kid in self._items(_get(source, "/Kids")) if self._is_dict(kid)]
        if kids:
            target[NameObject("/Kids")] = ArrayObject(self._form_node(kid) for kid in kids)
        return reference

    @staticmethod
    def _is_dict(raw):
        return isinstance(raw.get_object(), DictionaryObject)

    def _link(self, source, page):
        """A link annotation going to a web or email address or to a page of this
        form, with its action rebuilt from the address alone; None for any other."""
        target = self._link_target(source)
        if target is None:
            return None
        link = DictionaryObject(
            {
                NameObject(key): self._content(source.raw_get(key))
                for key in ANNOTATION_KEYS & set(source.keys())
            }
        )
        link.update(target)
        link[NameObject("/P")] = page.indirect_reference
        return self.writer._add_object(link)

    def _link_target(self, source):
        action = _get(source, "/A")
        if isinstance(action, DictionaryObject):
            kind = _get(action, "/S")
            if kind == "/URI" and plain_link(_get(action, "/URI") or ""):
                uri = self._leaf(action["/URI"])
                return {
                    NameObject("/A"): DictionaryObject(
                        {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): uri}
                    )
                }
            if kind == "/GoTo":
                return self._destination(_get(action, "/D"))
            return None
        return self._destination(_get(source, "/Dest"))

    def _destination(self, destination):
        """A destination on a page of this form, as an explicit /Dest (a named one is
        looked up, as the name tree is left out); None for any other."""
        if isinstance(destination, str):
            if self.named is None:
                self.named = self.reader.named_destinations
            named = self.named.get(str(destination))
            destination = named.dest_array if named is not None else None
        if not isinstance(destination, ArrayObject) or not destination:
            return None
        page = destination[0]
        if not isinstance(page, IndirectObject) or self._key(page) not in self.copied:
            return None
        view = [self._leaf(item.get_object()) for item in destination[1:]]
        return {NameObject("/Dest"): ArrayObject([self.copied[self._key(page)], *view])}

    def _acroform(self):
        source = _get(self.reader.trailer["/Root"], "/AcroForm")
        if not isinstance(source, DictionaryObject):
            return
        fields = [field for field in self._items(_get(source, "/Fields")) if self._is_dict(field)]
        if not fields:
            return
        acroform = DictionaryObject(
            {
                NameObject(key): self._content(source.raw_get(key))
                for key in ACROFORM_KEYS & set(source.keys())
            }
        )
        acroform[NameObject("/Fields")] = ArrayObject(self._form_node(field) for field in fields)
        if "/DR" in source:
            acroform[NameObject("/DR")] = self._resources(_raw(source, "/DR"))
        self.writer._root_object[NameObject("/AcroForm")] = self.writer._add_object(acroform)

    def _content(self, raw):
        """Content, resources or appearances: copied through, except the keys and
        kinds of dictionary that are not content (an action, a page, an annotation
        or file met here is left out, as null)."""
        if isinstance(raw, IndirectObject):
            key = self._key(raw)
            if key in self.copied:
                return self.copied[key]
            value = raw.get_object()
            if not isinstance(value, (DictionaryObject, ArrayObject)):
                return self._leaf(value)
            if self._not_content(value):
                return NullObject()
            target = self._empty_like(value)
            self.copied[key] = self.writer._add_object(target)
            self._fill(target, value)
            return self.copied[key]
        if isinstance(raw, (DictionaryObject, ArrayObject)):
            if self._not_content(raw):
                return NullObject()
            target = self._empty_like(raw)
            self._fill(target, raw)
            return self.writer._add_object(target) if isinstance(raw, StreamObject) else target
        return self._leaf(raw)

    @staticmethod
    def _not_content(value):
        return isinstance(value, DictionaryObject) and (
            _get(value, "/Type") in NOT_CONTENT_TYPES
            or _get(value, "/S") in ACTION_TYPES
            or "/FT" in value
            or _get(value, "/Subtype") in {"/Widget", "/Link", "/Popup", *FOUND_BY_SUBTYPE}
        )

    @staticmethod
    def _empty_like(value):
        if isinstance(value, StreamObject):
            stream = StreamObject()
            stream.set_data(value._data)  # as stored, still encoded by its /Filter
            return stream
        return DictionaryObject() if isinstance(value, DictionaryObject) else ArrayObject()

    def _fill(self, target, source):
        if isinstance(source, DictionaryObject):
            for key in source:
                raw = source.raw_get(key)
                # /A is an action, except in an icon fit, where it places the icon.
                if key not in NOT_CONTENT_KEYS or (
                    key == "/A" and isinstance(raw.get_object(), ArrayObject)
                ):
                    target[NameObject(key)] = self._content(raw)
        else:
            target.extend(self._content(item) for item in source)

    @staticmethod
    def _leaf(value):
        """A number, name, string, boolean or null, detached from the source file."""
        if value is None or isinstance(value, (DictionaryObject, ArrayObject, IndirectObject)):
            return NullObject()
        leaf = copy.copy(value)
        leaf.indirect_reference = None
        return leaf
