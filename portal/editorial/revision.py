"""The site's revision, as what is kept per revision reads it.

The page cache (`portal.operations.page_cache`) owns the revision: a number in
the database that every change to public content moves on, read through the
cache and moved on again when a scheduled record's time comes. The editorial
layer keeps figures (`counts`) and parts of pages (`parts`) under it, but may
not import the page cache, which sits above it; so the page cache registers its
reader here at start-up (`portal.apps`), and both read it through `current()`.
"""

_reader = {"current": None}


def read_with(reader):
    """Register `reader()`: the site's revision now, or None when it cannot be known."""
    _reader["current"] = reader


def current():
    """The site's revision now, or None (none registered, no row yet, no database)."""
    reader = _reader["current"]
    return reader() if reader else None
