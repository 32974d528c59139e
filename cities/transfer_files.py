"""The files a bulk import reads (CSV and XLSX), read within bounds.

A file is refused, with a message that names the limit, before it can hold a
worker for long or fill its memory. The checks run cheapest first:

1. the upload's size, at most `MAX_FILE_BYTES` (5 MB), in the import form
   before the file is read, and again here;
2. for XLSX, the zip's directory, before any XML is parsed: a bad zip, members
   that would unpack to more than `MAX_UNPACKED_BYTES` (20 MB) in all, or a
   member over 1 MB that unpacks to more than `MAX_RATIO` (100) times its
   packed size (a zip bomb); then the members are unpacked in chunks (`zipfile`
   never gives more than a member's declared size) and their XML tags counted,
   at most `MAX_XML_TAGS` (150,000): openpyxl's time grows with the elements it
   parses, not with bytes (a stylesheet of tiny elements costs it about 15 µs
   each), and it reads the shared strings and styles whole before the first
   row;
3. the first sheet's values (never its formulas), by openpyxl in read-only
   mode: at most `MAX_ROWS` (100) rows below the column names, blank rows
   included, and `MAX_COLUMNS` (100) columns; reading stops one row past.

Why these numbers (measured on the 2-core test machine, in CPU time, as the
machine is shared): previewing an import in the admin costs about 85 ms a new
city (its stage, its figures' sources, the search index and the preview's
columns) and confirming it about 67 ms, so 100 rows take about 8.5 s and then
6.7 s, each well inside gunicorn's 30 s timeout even on a busy server (300
would take 26 s). Within the other limits the slowest workbook found (150,000
tiny validation or style elements) is read in 2 to 4.5 s; a file over a limit
is refused in 10 to 20 ms (the whole admin request), a zip bomb without
unpacking anything. A real file is far smaller: the demo's 22 cities are
6.6 kB as CSV, 10 kB as XLSX (61 kB unpacked, 3,900 tags, a ratio of 6); 300
cities with all 44 columns filled, written by openpyxl, are 1.4 MB unpacked and
80,000 tags, so the byte and tag limits leave room for long texts. A larger
import is split: the export follows the list's filters (by country, by city).

`ImportRefused` carries the message shown to staff, in their language;
`read_failure` words any other failure to read a file (its encoding, its
format), without a traceback.
"""

import csv
import io
import itertools
import logging
import math
import zipfile
import zlib

from django.utils.translation import gettext_lazy as _
from import_export.formats import base_formats
from tablib import Dataset

logger = logging.getLogger(__name__)

MB = 1024 * 1024
# The limits (see above for why these numbers).
MAX_FILE_BYTES = 5 * MB
MAX_UNPACKED_BYTES = 20 * MB
MAX_RATIO = 100
RATIO_FROM_BYTES = 1 * MB  # a smaller member cannot hold a bomb worth refusing
MAX_XML_TAGS = 150_000
MAX_ROWS = 100
MAX_COLUMNS = 100
CHUNK = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"

TOO_LARGE = _("The file is %(size)s MB; the limit is %(limit)s MB.")
NOT_A_WORKBOOK = _(
    "This file is not an XLSX workbook, or it is damaged. Save it again from the "
    "spreadsheet program as “Excel Workbook (.xlsx)”, or as “CSV UTF-8”, and upload that file."
)
LOOKS_LIKE_CSV = _("This file is text, not an XLSX workbook: choose “csv” as the format.")
LOOKS_LIKE_XLSX = _("This file is an XLSX workbook, not a CSV file: choose “xlsx” as the format.")
TOO_LARGE_UNPACKED = _(
    "Unpacked, this workbook would be %(size)s MB; the limit is %(limit)s MB. "
    "Save only the sheet to import, as a new workbook or as CSV."
)
TOO_COMPRESSED = _(
    "A part of this workbook unpacks to %(ratio)s times its size; the limit is %(limit)s "
    "times. An ordinary spreadsheet does not do that: save the data again as a new "
    "workbook or as CSV."
)
TOO_MANY_TAGS = _(
    "This workbook holds more than %(limit)s XML tags (cells, texts and formatting), "
    "more than the portal reads at once. Save only the data to import, as a new "
    "workbook or as CSV."
)
TOO_MANY_ROWS = _(
    "The file has more than %(limit)s rows below its first row (blank rows count too). "
    "Split it into files of at most %(limit)s rows."
)
TOO_MANY_COLUMNS = _("The file has more than %(limit)s columns.")
UNNAMED_COLUMN = _(
    "Row %(row)s has a value in column %(column)s, which has no name in the first row."
)
NO_ROWS = _(
    "The file holds no rows to import: its first row names the columns and each row "
    "below it is one record, as in an export."
)
NOT_UTF8 = _("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.")
UNREADABLE_CSV = _(
    "The file could not be read as CSV. Save it as “CSV UTF-8” (commas between the "
    "columns) and upload it again."
)
UNREADABLE_XLSX = _(
    "The workbook could not be read. Save it again as “Excel Workbook (.xlsx)”, or as "
    "“CSV UTF-8”, and upload that file."
)
UNREADABLE = _(
    "The file could not be read as %(format)s. Check that the format chosen matches "
    "the file, and upload it again."
)


class ImportRefused(Exception):
    """A file or a row refused for a reason staff can act on; `str()` is the message."""

    def __init__(self, message, **values):
        self.message = message % values if values else message
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


def _megabytes(size):
    """`size` in MB to a tenth, rounded up (5 MB and a byte is 5.1 MB, not 5)."""
    return f"{math.ceil(size * 10 / MB) / 10:.1f}".removesuffix(".0")


def check_size(size):
    if size > MAX_FILE_BYTES:
        raise ImportRefused(TOO_LARGE, size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES))


def check_workbook(data):
    """Refuse a workbook that is no zip, or would unpack too large or too slow."""
    if not data.startswith(ZIP_MAGIC):
        raise ImportRefused(LOOKS_LIKE_CSV if _is_text(data) else NOT_A_WORKBOOK)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ImportRefused(NOT_A_WORKBOOK) from None
    with archive:
        _check_members(archive)


def _check_members(archive):
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRefused(
            TOO_LARGE_UNPACKED,
            size=_megabytes(unpacked),
            limit=_megabytes(MAX_UNPACKED_BYTES),
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise ImportRefused(TOO_COMPRESSED, ratio=int(ratio), limit=MAX_RATIO)
    tags = 0
    try:
        for member in members:
            with archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    tags += chunk.count(b"<")  # each tag, comment or declaration
                    if tags > MAX_XML_TAGS:
                        raise ImportRefused(TOO_MANY_TAGS, limit=f"{MAX_XML_TAGS:,}")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        # a bad CRC or stream, a truncated file, an encrypted member, an unknown method
        raise ImportRefused(NOT_A_WORKBOOK) from None


def _is_text(data):
    sample = data[:4096]
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:  # the sample may end inside a character
        return error.reason == "unexpected end of data"
    return b"\x00" not in sample


def build_dataset(rows, missing=None):
    """A dataset from `rows` (lists of cell values, the first naming the columns),
    read no further than the limits allow; a short row ends in `missing` values."""
    rows = iter(rows)
    header = next(rows, None) or []
    names = [("" if name is None else str(name).strip()) for name in header]
    while names and not names[-1]:
        names.pop()
    if len(names) > MAX_COLUMNS:
        raise ImportRefused(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
    dataset = Dataset(headers=names)
    width = len(names)
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise ImportRefused(TOO_MANY_ROWS, limit=MAX_ROWS)
        values = list(row)
        if not all(_blank(value) for value in values[MAX_COLUMNS:]):
            raise ImportRefused(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
        if all(_blank(value) for value in values):
            continue
        extra = [i for i, value in enumerate(values[width:], start=width) if not _blank(value)]
        if extra:
            raise ImportRefused(UNNAMED_COLUMN, row=number, column=extra[0] + 1)
        values = values[:width] + [missing] * (width - len(values))
        dataset.append(values)
    if not width or not len(dataset):
        raise ImportRefused(NO_ROWS)
    return dataset


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


class CSV(base_formats.CSV):
    """CSV, UTF-8 (with or without a BOM), read within the limits."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            check_size(len(in_stream))
            try:
                in_stream = in_stream.decode(self.encoding or "utf-8-sig")
            except UnicodeDecodeError as error:
                raise ImportRefused(read_failure(error, self)) from None
        else:
            check_size(len(in_stream.encode()))
        rows = csv.reader(io.StringIO(in_stream, newline=""))
        try:
            # one row past each limit is enough to refuse
            return build_dataset(itertools.islice(rows, MAX_ROWS + 2), missing="")
        except csv.Error:
            raise ImportRefused(UNREADABLE_CSV) from None


class XLSX(base_formats.XLSX):
    """XLSX, its first sheet's values (never its formulas), read within the limits:
    the zip is checked before openpyxl opens it, which it does in read-only mode."""

    def create_dataset(self, in_stream):
        import openpyxl  # as django-import-export does: only when a workbook is read

        check_size(len(in_stream))
        check_workbook(in_stream)
        try:
            book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        except Exception:
            logger.warning("An uploaded workbook could not be opened", exc_info=True)
            raise ImportRefused(UNREADABLE_XLSX) from None
        try:
            rows = book.active.iter_rows(
                max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS + 1, values_only=True
            )
            return build_dataset(rows)
        except ImportRefused:
            raise
        except Exception:
            logger.warning("An uploaded workbook could not be read", exc_info=True)
            raise ImportRefused(UNREADABLE_XLSX) from None
        finally:
            book.close()


def read_failure(error, file_format):
    """What staff are told when `file_format` could not read their file."""
    if isinstance(error, ImportRefused):
        return error.message
    if isinstance(error, UnicodeDecodeError):
        return LOOKS_LIKE_XLSX if bytes(error.object[:4]) == ZIP_MAGIC else NOT_UTF8
    logger.warning("An uploaded file could not be read", exc_info=error)
    return UNREADABLE % {"format": file_format.get_title()}
