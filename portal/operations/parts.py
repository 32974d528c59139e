"""Parts many pages share, computed once per site revision and language.

The office record behind every header and footer, the footer itself: every
page shows them, and they change only when a record changes. Each is kept in
the cache under the site's revision (`page_cache.current_revision`, the same
number the page cache files pages under), so a change that moves the revision
retires every part at once, with the same guarantees as whole pages: staff and
visitors alike see a part no older than the revision, on every worker.

Unlike the page cache this works for signed-in staff too: a part holds
published, public facts only (never a draft), the same for everyone.
`PART_CACHE_SECONDS = 0` turns it off (every part computed on every use);
a cache that fails, or a revision that cannot be read, computes the part.
A part computed inside a transaction is used but not kept: the transaction may
have moved the revision and may yet roll back, and what it has not committed
must never be filed under a number that the next real change will take.
"""

import dataclasses
import datetime
import decimal
import functools
import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Model
from django.utils import translation

from portal.operations.page_cache import current_revision, release

logger = logging.getLogger(__name__)


def _key(name, vary):
    revision = current_revision()
    if revision is None:
        return None
    varying = ":".join(str(value) for value in vary)
    return f"parts:{revision}:{release()}:{translation.get_language()}:{name}:{varying}"


def _kept(name, key_of, compute, may_store=True):
    """`compute()`, read from and stored in the cache under `key_of()` (None: not kept);
    a cache that fails computes it, for it must not take the site down."""
    if not settings.PART_CACHE_SECONDS:
        return compute()
    try:
        key = key_of()
        value = cache.get(key) if key else None
    except Exception:
        logger.exception("Part cache unavailable; computing %s", name)
        return compute()
    if value is None:
        value = compute()
        if key and may_store:
            try:
                cache.set(key, value, settings.PART_CACHE_SECONDS)
            except Exception:
                logger.exception("Part cache unavailable; %s not stored", name)
    return value


def shared_part(name, compute, *vary):
    """`compute()`, kept under the current revision, language, `name` and `vary`."""
    return _kept(name, lambda: _key(name, vary), compute, may_store=not connection.in_atomic_block)


# --- Parts of one record's page, kept across revisions --------------------------------

CODE_SUFFIXES = (".py", ".html", ".mo", ".txt")
NOT_CODE = {".venv", "var", "tests", "node_modules", ".git", "docs", "staticfiles"}


@functools.cache
def code_version():
    """A digest of the code, templates and message catalogs this process runs: a part
    rendered by other code is never used (read once per process, about 10 ms)."""
    digest = hashlib.sha256(release().encode())
    root = Path(settings.BASE_DIR)
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if NOT_CODE.intersection(relative.parts) or path.suffix not in CODE_SUFFIXES:
            continue
        digest.update(str(relative).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PLAIN = frozenset(
    {str, int, float, bool, type(None), datetime.date, datetime.datetime, decimal.Decimal}
)


def _fingerprint(value, seen=None):
    """What a record part depends on in `value`: a record's every loaded field (so any
    edit of the row, whatever it touched, gives another part) and the records loaded
    with it (`select_related`); a dataclass's fields; a list's items; or the value."""
    if type(value) in PLAIN:
        return repr(value)
    seen = set() if seen is None else seen
    if isinstance(value, Model):
        if id(value) in seen:  # a reverse relation points back to a record on the way
            return f"{value._meta.label}:{value.pk}:seen"
        seen.add(id(value))
        fields = ",".join(
            f"{name}={_fingerprint(field, seen)}"
            for name, field in sorted(value.__dict__.items())
            if not name.startswith("_")
        )
        related = ",".join(
            f"{name}->{_fingerprint(record, seen)}"
            for name, record in sorted(value._state.fields_cache.items())
        )
        return f"{value._meta.label}:{value.pk}:{fields}|{related}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_fingerprint(item, seen) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            f"{type(value).__name__}("
            + ",".join(
                f"{field.name}={_fingerprint(getattr(value, field.name), seen)}"
                for field in dataclasses.fields(value)
            )
            + ")"
        )
    return repr(value)


def record_part(name, compute, *depends_on):
    """`compute()`, kept for as long as the records in `depends_on` stay as they are
    (whatever the site revision): a card or a body survives the publication of
    another record. Every record whose data the part shows must be named."""

    def key_of():
        fingerprint = "|".join(_fingerprint(value) for value in depends_on)
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()
        return f"record:{code_version()}:{translation.get_language()}:{name}:{digest}"

    return _kept(name, key_of, compute)
