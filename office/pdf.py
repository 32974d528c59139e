"""PDF forms: an upload is accepted only when it is a plain PDF form, and is
stored written anew from what a form needs, without its metadata.

The checks, in order: size (at most MAX_FORM_BYTES), the magic bytes `%PDF-`
at the start, a parse with pypdf (an unreadable or encrypted file is refused),
then a walk through every object reachable from the trailer. A file holding
active content is refused with a message naming each kind found (`FOUND`):
JavaScript (`/JS`, `/JavaScript`), XFA form data (`/XFA`, which carries
scripts of its own), embedded files (`/EmbeddedFiles`, `/EF`, file
attachments), an `/OpenAction` other than going to a page, additional actions
(`/AA`, run on opening a page or touching a field), actions that start a
program (Launch), open another file (GoToR, GoToE, or a stream kept in another
file), send the form (SubmitForm) or read data into it (ImportData), sound,
video or 3D content, and a URI action to anything but an http(s) or mailto
address. Values are looked at resolved, so an action type stored as an object
of its own is seen.

What is accepted is then rebuilt by `Rebuild` from an allowlist, so nothing
unlisted reaches the stored file even if the walk missed it: the pages (their
boxes, rotation, content streams and resources), the AcroForm fields and their
widget annotations (names, values, options, flags, appearances), link
annotations going to an http(s) or mailto address (the action rebuilt from the
address alone) or to a page of the form (a named destination looked up), and
the document's language (`/Lang`). Everything else is left out: the catalog's
`/OpenAction`, `/Names`, `/Outlines`, `/AA`, `/StructTreeRoot`, `/Metadata` and
the rest, every action on a widget (so a print or reset button no longer does
anything), other kinds of annotation (comments, attachments, media) and
objects nothing copied refers to. Within content and resources, action,
metadata (`/Metadata`, `/PieceInfo`) and external-file keys are left out as
well. No document information dictionary (`/Info`) or XMP metadata is
written, and the name the file is stored under is random.
"""

import copy
import io
import re
import secrets
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    StreamObject,
)

MAX_FORM_BYTES = 20 * 1024 * 1024
# A form has a few thousand objects; a walk past this many is refused, not endless.
MAX_OBJECTS = 200_000
FORMS_DIR = "forms"

TOO_LARGE = _("The file is %(size)s; a form may be at most %(limit)s.")
NOT_PDF = _("This file is not a PDF, whatever its name says.")
UNREADABLE = _("This PDF cannot be read. Save it again from the program that made it.")
ENCRYPTED = _("This PDF is encrypted. Upload it without a password.")
ACTIVE = _(
    "This PDF contains: %(found)s. None of this is allowed in a downloadable form: "
    "remove it in the program that made the form, then save and upload the form again."
)
TOO_COMPLEX = _("This PDF is too complex to check.")
SEPARATOR = pgettext_lazy("between the kinds of content a PDF was refused for", "; ")

# What a refused file holds, in the order the message names it.
FOUND = {
    "javascript": _("JavaScript"),
    "xfa": _("XFA form data, which can run scripts (XFA)"),
    "embedded": _("embedded files"),
    "open": _("an action run when it opens (OpenAction)"),
    "automatic": _("actions run when a page opens or a field is used (AA)"),
    "launch": _("an action that starts a program (Launch)"),
    "remote": _("a link or content that opens another file (GoToR, GoToE)"),
    "submit": _("a button that sends the form somewhere (SubmitForm)"),
    "import": _("an action that reads data from another file (ImportData)"),
    "media": _("sound, video or 3D content"),
    "link": _("a link to something other than a web page or an email address"),
}
FOUND_BY_KEY = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/XFA": "xfa",
    "/EmbeddedFiles": "embedded",
    "/EF": "embedded",
    "/AA": "automatic",
}
FOUND_BY_ACTION = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/GoToR": "remote",
    "/GoToE": "remote",
    "/SubmitForm": "submit",
    "/ImportData": "import",
    "/Rendition": "media",
    "/Movie": "media",
    "/Sound": "media",
    "/RichMediaExecute": "media",
    "/GoTo3DView": "media",
}
FOUND_BY_SUBTYPE = {
    "/FileAttachment": "embedded",
    "/Movie": "media",
    "/Sound": "media",
    "/Screen": "media",
    "/RichMedia": "media",
    "/3D": "media",
}
LINK_SCHEMES = {"http", "https", "mailto"}

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


def _size(upload):
    return upload.size if getattr(upload, "size", None) is not None else len(upload.read())


def _read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def plain_link(uri):
    """True for an http(s) address with a host, or a mailto address: what a link
    in a form may go to."""
    text = str(uri)
    if not text or text != text.strip() or any(ord(c) < 33 or c == "\\" for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    if parts.scheme.lower() not in LINK_SCHEMES:
        return False
    return bool(parts.path) if parts.scheme.lower() == "mailto" else bool(parts.hostname)


def _opens_with_action(reader):
    """True when the document runs an action on opening (going to a page is not one)."""
    action = _get(reader.trailer["/Root"], "/OpenAction")
    return isinstance(action, DictionaryObject) and (
        _get(action, "/S") != "/GoTo" or "/Next" in action
    )


def active_content(reader):
    """The kinds of active content (keys of FOUND, in its order) anything reachable
    from the trailer holds. Raises ValidationError when the document is too large
    to walk."""
    found = {"open"} if _opens_with_action(reader) else set()
    seen, stack, visited = set(), [reader.trailer], 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise ValidationError(TOO_COMPLEX, code="complex")
        if isinstance(node, DictionaryObject):
            found.update(FOUND_BY_KEY[name] for name in node if name in FOUND_BY_KEY)
            action, subtype = _get(node, "/S"), _get(node, "/Subtype")
            if action in FOUND_BY_ACTION:
                found.add(FOUND_BY_ACTION[action])
            if action == "/URI" and "/URI" in node and not plain_link(node["/URI"]):
                found.add("link")
            if subtype in FOUND_BY_SUBTYPE:
                found.add(FOUND_BY_SUBTYPE[subtype])
            if _get(node, "/Type") == "/EmbeddedFile":
                found.add("embedded")
            if isinstance(node, StreamObject) and "/F" in node:
                found.add("remote")  # the stream's data is in another file
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return [kind for kind in FOUND if kind in found]


def _get(dictionary, key):
    """The value under `key`, a reference resolved (pypdf's `get` leaves it), or None."""
    value = dictionary.get(key)
    return None if value is None else value.get_object()


def _raw(dictionary, key):
    """The value under `key` as stored (a reference left unresolved), or None."""
    return dictionary.raw_get(key) if key in dictionary else None


def _listed(kinds):
    return str(SEPARATOR).join(str(FOUND[kind]) for kind in kinds)


_listed_lazy = lazy(_listed, str)


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


def clean_pdf(upload):
    """The upload as a new PDF holding only what a form needs, under a random
    name; or ValidationError saying what is wrong with it."""
    size = _size(upload)
    if size > MAX_FORM_BYTES:
        params = {"size": filesizeformat(size), "limit": filesizeformat(MAX_FORM_BYTES)}
        raise ValidationError(TOO_LARGE, code="too_large", params=params)
    data = _read_all(upload)
    if not data.startswith(b"%PDF-"):
        raise ValidationError(NOT_PDF, code="not_pdf")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(ENCRYPTED, code="encrypted")
        if found := active_content(reader):
            params = {"found": _listed_lazy(found)}
            raise ValidationError(ACTIVE, code="active", params=params)
        rebuilt = Rebuild(reader).write()
    except ValidationError:
        raise
    except PyPdfError as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    except Exception as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    return ContentFile(rebuilt, name=f"{secrets.token_hex(16)}.pdf")
