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

import io
import secrets
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
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
        from office.pdf_rebuild import Rebuild  # it reads this module's rules

        rebuilt = Rebuild(reader).write()
    except ValidationError:
        raise
    except PyPdfError as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    except Exception as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    return ContentFile(rebuilt, name=f"{secrets.token_hex(16)}.pdf")
