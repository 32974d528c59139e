"""The site's revision, as what is kept per revision reads it.

The page cache (`portal.operations.page_cache`) owns the revision: a number in
the database that every change to public content moves on, read through the
cache and moved on again when a scheduled record's time comes. The editorial
layer keeps figures (`counts`) and parts of pages (`parts`) under it, but may
not import the page cache, which sits above it; so the page cache registers its
reader here at start-up (`portal.apps`), and both read it through `current()`.

A page asks for it once per part it keeps (a city page, six times); within one
request it is read once and remembered, so the cache (Redis, a network round
trip away) is asked once. A change the request makes itself drops what it
remembered (`forget()`, called by the page cache whenever the revision moves);
outside a request (commands, tests) and inside a transaction (which may roll
back) nothing is remembered.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db import connection

_reader = {"current": None}
_request = threading.local()


def read_with(reader):
    """Register `reader()`: the site's revision now, or None when it cannot be known."""
    _reader["current"] = reader


def current():
    """The site's revision now, or None (none registered, no row yet, no database)."""
    reader = _reader["current"]
    if reader is None:
        return None
    remembered = getattr(_request, "revision", None)
    if remembered is None or connection.in_atomic_block:
        # Outside a request; or inside a transaction, which may move the revision and
        # roll back: what it read must not outlive it.
        return reader()
    if not remembered:
        remembered.append(reader())
    return remembered[0]


def forget():
    """The revision moved: this request reads it again."""
    remembered = getattr(_request, "revision", None)
    if remembered:
        remembered.clear()


def _request_started(**kwargs):
    _request.revision = []


def _request_finished(**kwargs):
    _request.revision = None


request_started.connect(_request_started, dispatch_uid="revision-per-request")
request_finished.connect(_request_finished, dispatch_uid="revision-per-request")
