"""A glossary file, out or in: its format from its extension (`.tbx`, `.csv`), read
defensively before any entry is looked at.

A file is refused whole, with a message saying why, when it is too large, in
another format, not UTF-8 (CSV), not well-formed XML or not TBX (`<martif>`),
when it declares entities or holds entity references (an XML bomb is never
expanded: translate-toolkit's parser resolves no entity and fetches nothing,
and the file is refused before it), or when it names a language the portal
does not have.
"""

from pathlib import PurePath

from django.utils.translation import gettext as _
from lxml import etree
from translate.misc.xml_helpers import parse_xml

from portal.editorial import glossary_csv, glossary_tbx
from portal.editorial.glossary_entries import all_entries
from portal.editorial.xml_entities import uses_entities

MAX_BYTES = 20 * 1024 * 1024  # a TBX of some 25,000 names
FORMATS = {
    "tbx": (glossary_tbx, "application/x-tbx"),
    "csv": (glossary_csv, "text/csv; charset=utf-8"),
}


class UnreadableGlossary(ValueError):
    """The file as a whole cannot be imported; the message says why."""


def file_format(filename):
    """ "tbx" or "csv" from a file's name, or UnreadableGlossary."""
    extension = PurePath(filename or "").suffix.lower().lstrip(".")
    if extension not in FORMATS:
        raise UnreadableGlossary(
            _("A glossary file is a .tbx or a .csv file; “%(name)s” is neither.")
            % {"name": PurePath(filename or "").name}
        )
    return extension


def export(extension):
    """`(bytes, content type)` of the whole glossary as `extension` ("tbx", "csv")."""
    module, content_type = FORMATS[extension]
    return module.write(all_entries()), content_type


def read(data, filename):
    """`[Entry]` of a file, or UnreadableGlossary."""
    extension = file_format(filename)
    if len(data) > MAX_BYTES:
        raise UnreadableGlossary(
            _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if extension == "csv":
        return _read_csv(data)
    return _read_tbx(data)


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableGlossary(_("This CSV file is not in UTF-8: save it as UTF-8.")) from error
    try:
        return glossary_csv.read(text)
    except glossary_csv.BadColumns as error:
        raise UnreadableGlossary(str(error)) from error
    except glossary_csv.csv.Error as error:
        raise UnreadableGlossary(
            _("This is not a CSV file: %(error)s") % {"error": error}
        ) from error


def _read_tbx(data):
    try:
        root = parse_xml(data)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableGlossary(
            _("This is not a TBX file: %(error)s") % {"error": error}
        ) from error
    if uses_entities(root):
        raise UnreadableGlossary(
            _("This TBX file declares or uses entities, which the portal does not read.")
        )
    if root.tag != "martif":
        raise UnreadableGlossary(
            _("This is not a TBX file the portal reads: its root is not <martif> (TBX 2).")
        )
    try:
        return glossary_tbx.read(data)
    except glossary_tbx.UnknownLanguage as error:
        raise UnreadableGlossary(
            _("The file has terms in “%(language)s”, which is not a language of the portal.")
            % {"language": error}
        ) from error
