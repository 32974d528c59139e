"""PDF forms: an upload is accepted only when its content is a PDF without scripts,
and is stored rewritten without its metadata.

The checks, in order: size (at most MAX_FORM_BYTES), the magic bytes `%PDF-`
at the start, a parse with pypdf (an unreadable or encrypted file is refused),
then a walk through every object reachable from the trailer, refusing
JavaScript anywhere (`/JS`, `/JavaScript`, an action of type JavaScript or
Launch, `/OpenAction` running one) and additional actions (`/AA`), which run
on opening a page or touching a field. The accepted file is written anew by
pypdf: the document information dictionary (`/Info`) and XMP metadata
(`/Metadata`, on the document and on its pages) are left out, and the name
it is stored under is random.
"""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MAX_FORM_BYTES = 20 * 1024 * 1024
# A form has a few thousand objects; a walk past this many is refused, not endless.
MAX_OBJECTS = 200_000
FORMS_DIR = "forms"

SCRIPT_KEYS = {"/JS", "/JavaScript", "/AA"}
SCRIPT_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/Rendition"}
METADATA_KEYS = ("/Metadata", "/PieceInfo")

TOO_LARGE = _("The file is %(size)s; a form may be at most %(limit)s.")
NOT_PDF = _("This file is not a PDF, whatever its name says.")
UNREADABLE = _("This PDF cannot be read. Save it again from the program that made it.")
ENCRYPTED = _("This PDF is encrypted. Upload it without a password.")
SCRIPTED = _(
    "This PDF contains JavaScript or automatic actions, which are not allowed in a "
    "downloadable form. Save it again without them (for example, print it to PDF)."
)
TOO_COMPLEX = _("This PDF is too complex to check.")


def _size(upload):
    return upload.size if getattr(upload, "size", None) is not None else len(upload.read())


def _read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def has_script(reader):
    """True when anything reachable from the trailer is JavaScript or an automatic
    action. Raises ValidationError when the document is too large to walk."""
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
            if SCRIPT_KEYS & set(node.keys()):
                return True
            if node.get("/S") in SCRIPT_ACTIONS:
                return True
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return False


def _strip_metadata(writer):
    writer.metadata = None
    for key in METADATA_KEYS:
        writer._root_object.pop(NameObject(key), None)
    for page in writer.pages:
        for key in METADATA_KEYS:
            page.pop(NameObject(key), None)


def clean_pdf(upload):
    """The upload as a new PDF without metadata, under a random name; or
    ValidationError saying what is wrong with it."""
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
        if has_script(reader):
            raise ValidationError(SCRIPTED, code="scripted")
        writer = PdfWriter(clone_from=reader)
        _strip_metadata(writer)
        output = io.BytesIO()
        writer.write(output)
    except ValidationError:
        raise
    except PyPdfError as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    except Exception as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(16)}.pdf")
