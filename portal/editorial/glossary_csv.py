"""The glossary as CSV, in the shape Trados (MultiTerm Convert), memoQ and OmegaT
import: a header row, one row per official name.

The columns: the official form in each language, named by its BCP 47 tag
(`zh-Hans`, `en`), then that language's variants (`zh-Hans variants`) and
forbidden renderings (`zh-Hans forbidden`), several in a cell separated by
`;`, then `domain`, `note`, `kind` and `source`. Only the official forms
columns are required: a file without a column leaves that part of an existing
name as it is (a term list from a CAT tool changes no forbidden rendering).
UTF-8 with a byte order mark, so that Excel reads it as UTF-8. Every cell goes through
`portal.formatting.spreadsheets.neutralise`, so a spreadsheet runs none of it;
the `'` it puts before a formula is taken off again on import.
"""

import csv
import io

from django.utils.translation import gettext as _

from portal.editorial.glossary_entries import Entry
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.language_tags import canonical, portal_language
from portal.formatting.spreadsheets import is_formula, neutralise

SEPARATOR = ";"
KINDS = ("variants", "forbidden")
OTHERS = ("domain", "note", "kind", "source")


class BadColumns(ValueError):
    """A header the portal cannot read: the message says why."""


def header():
    columns = [canonical(code) for code in LANGUAGE_CODES]
    columns += [f"{canonical(code)} {kind}" for kind in KINDS for code in LANGUAGE_CODES]
    return [*columns, *OTHERS]


def write(entries):
    """CSV bytes of `entries`."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header())
    for entry in entries:
        row = [entry.forms[code] for code in LANGUAGE_CODES]
        row += [
            SEPARATOR.join(getattr(entry, kind).get(code, []))
            for kind in KINDS
            for code in LANGUAGE_CODES
        ]
        row += [getattr(entry, name) for name in OTHERS]
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _restored(cell):
    """A cell as it was before `neutralise`."""
    return cell[1:] if cell.startswith("'") and is_formula(cell[1:]) else cell


def _column(name):
    """`(what, language or None)` a header cell names, or BadColumns."""
    name = name.strip()
    if name.lower() in OTHERS:
        return name.lower(), None
    tag, _space, kind = name.partition(" ")
    kind = kind.strip().lower() or "form"
    language = portal_language(tag)
    if language is None or kind not in ("form", *KINDS):
        raise BadColumns(
            _("The column “%(column)s” is neither a language of the portal nor one of: %(known)s.")
            % {"column": name, "known": ", ".join(header())}
        )
    return kind, language


def read(text):
    """`[Entry]` of CSV text, or BadColumns."""
    rows = csv.reader(io.StringIO(text))
    columns = [_column(name) for name in next(rows, [])]
    if len(set(columns)) != len(columns):
        raise BadColumns(_("The header names a column twice."))
    lacking = [canonical(code) for code in LANGUAGE_CODES if ("form", code) not in columns]
    if lacking:
        raise BadColumns(
            _("The header lacks the column of the official form in %(languages)s.")
            % {"languages": ", ".join(lacking)}
        )
    given = frozenset(kind if language is None else f"{kind}:{language}"
                      for kind, language in columns)  # fmt: skip
    entries = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        entry = Entry(forms={}, given=given)
        for (kind, language), cell in zip(columns, row, strict=False):
            cell = _restored(cell)
            if kind == "form":
                entry.forms[language] = cell
            elif kind in KINDS:
                texts = [text.strip() for text in cell.split(SEPARATOR) if text.strip()]
                if texts:
                    getattr(entry, kind)[language] = texts
            else:
                setattr(entry, kind, cell)
        entries.append(entry)
    return entries
