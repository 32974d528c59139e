"""Text written into a spreadsheet (CSV, XLSX) that a spreadsheet program will not run.

A cell whose text begins with `=`, `+`, `-` or `@` (or with a tab or carriage
return, or with one of those after spaces) is read by Excel, LibreOffice and
Google Sheets as a formula, which can fetch addresses or run commands
(`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`). OWASP's advice for CSV injection is
to prefix such a cell with `'`, which the programs show as plain text.

A number written as text (`-12`, `+3.5`) is not a formula in any of them and
stays as it is, so a negative temperature still reads as a number. Values that
are not text (numbers, dates) are never touched.

Every export of the portal (bulk export of cities and exchanges, the
translation matrix CSV) writes its cells through `neutralise`; a bulk import
refuses a text cell for which `is_formula` is true (`cities.transfer_fields`).
"""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def is_formula(value):
    """Whether a spreadsheet would read `value` (text) as a formula."""
    if not isinstance(value, str) or not value:
        return False
    begins = value[0] in FORMULA_PREFIXES or value.lstrip()[:1] in FORMULA_PREFIXES
    return begins and not NUMBER.fullmatch(value.strip())


def neutralise(value):
    """`value` as a spreadsheet shows it as text: a formula gets a leading `'`."""
    return "'" + value if is_formula(value) else value


def formula_sign(value):
    """The character that makes `value` a formula (after any leading spaces)."""
    return value[0] if value[0] in FORMULA_PREFIXES else value.lstrip()[0]
