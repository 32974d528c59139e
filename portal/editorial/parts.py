"""Rendered parts of pages, kept in the cache: three kinds, one way of keeping.

- `shared_part`: what many pages share (the office record behind every header
  and footer, the footer itself, a city's timeline), kept under the site's
  revision (`portal.editorial.revision`, the number the page cache files pages
  under): a change that moves the revision retires every such part at once, on
  every worker, with the page cache's guarantees.
- `record_part`: markup made from named records alone (a card, a city page's
  body), kept under a fingerprint of those records, whatever the revision.
- `page_part`: a signed-out visitor's whole page, kept under a fingerprint of
  its template's whole context, its address, language and day. The view's
  queries all run first, so a kept page is never older than its records.
- `kept_response`: the same, kept by a view that names what its page is made
  from (its query results, as rows): the view's work with them and the
  template's preamble are skipped too.

Shared and record parts serve signed-in staff too: they hold published, public
facts only (never a draft), the same for everyone. `PART_CACHE_SECONDS = 0`
turns all three off (every part computed on every use); a cache that fails, or
a revision that cannot be read, computes the part. A shared part computed
inside a transaction is used but not kept: the transaction may have moved the
revision and may yet roll back, and what it has not committed must never be
filed under a number that the next real change will take.
"""

import dataclasses
import datetime
import decimal
import enum
import functools
import hashlib
import logging
import types
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import DatabaseError, connection
from django.db.models import Model, QuerySet
from django.forms import BaseForm
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_max_age
from django.utils.functional import LazyObject, Promise, SimpleLazyObject, empty

from portal.editorial import revision
from portal.editorial.prepared import Records

logger = logging.getLogger(__name__)


def release():
    """Changes with every deployment that changes a static file: markup names files."""
    return getattr(staticfiles_storage, "manifest_hash", "") or "dev"


def _key(name, vary):
    number = revision.current()
    if number is None:
        return None
    varying = ":".join(str(value) for value in vary)
    return f"parts:{number}:{release()}:{translation.get_language()}:{name}:{varying}"


def _kept(name, key_of, compute, may_store=True):
    """`compute()`, read from and stored in the cache under `key_of()` (None: not kept);
    a cache that fails computes it, for it must not take the site down."""
    if not settings.PART_CACHE_SECONDS:
        return compute()
    try:
        key = key_of()
        kept = cache.get(key) if key else None
    except Exception:
        logger.exception("Part cache unavailable; computing %s", name)
        return compute()
    if kept is not None:
        return kept[0]
    # Kept in a tuple: a part may be None (no home city yet), and a None from the
    # cache means it holds nothing.
    value = compute()
    if key and (may_store() if callable(may_store) else may_store):
        try:
            cache.set(key, (value,), settings.PART_CACHE_SECONDS)
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


def _plain(value):
    """A value whose repr is its fingerprint: a plain value, or JSON made of them (a
    record's translation states)."""
    kind = type(value)
    if kind in PLAIN:
        return True
    if kind is dict:
        return all(type(key) is str and _plain(item) for key, item in value.items())
    if kind is list or kind is tuple:
        return all(_plain(item) for item in value)
    return False


class Derived(SimpleLazyObject):
    """A value computed from `inputs` alone (and the code), the first time it is read:
    the fingerprint of a kept part or page is its inputs', so a page served kept
    never computes it. Read in a template, it stands for the value."""

    def __init__(self, compute, *inputs):
        self.__dict__["_inputs"] = inputs
        super().__init__(compute)


class Unkeepable(Exception):
    """A value whose every bearing on the markup cannot be told (a form, a request):
    the page that shows it is rendered, not kept."""


def _fingerprint(value, seen=None, strict=False):
    """What a record part depends on in `value`: a record's every loaded field (so any
    edit of the row, whatever it touched, gives another part), whether it is live
    now (a scheduled record comes out with no edit), and the records loaded with it
    (`select_related`); a prepared query's rows and the same liveness, while none of
    them is made a record (`Records.fingerprint`); a dataclass's fields; a list's or
    a dict's items; or the value.
    `strict`: a value of another kind raises `Unkeepable` instead of giving its repr."""
    if type(value) in PLAIN:
        return repr(value)
    seen = {} if seen is None else seen
    if type(value) is Derived and value._wrapped is empty:
        if id(value) in seen:
            return f"derived#{seen[id(value)][1]}"
        seen[id(value)] = (value, len(seen))
        return f"derived{_fingerprint(list(value._inputs), seen, strict)}"
    if isinstance(type(value), type) and issubclass(type(value), LazyObject):
        # The office record of every page. (`isinstance` would see the record's class:
        # a lazy object answers for the object it wraps.)
        if value._wrapped is empty:
            value._setup()
        value = value._wrapped
    # What this fingerprint has already gone through, by identity (and kept, so that no
    # id is reused meanwhile): a record or a list met again is named, not gone through
    # again (a reverse relation points back; a list's page and its rows are one list).
    if type(value) is Records:
        if id(value) in seen:
            return f"records#{seen[id(value)][1]}"
        seen[id(value)] = (value, len(seen))
        rows = value.fingerprint()  # what its rows say, while none is made a record
        if rows is not None:
            return rows
        value = value.records
    if isinstance(value, Model):
        if id(value) in seen:
            return f"{value._meta.label}:{value.pk}:seen"
        seen[id(value)] = (value, len(seen))
        items = sorted(item for item in value.__dict__.items() if item[0][0] != "_")
        if all(_plain(field) for _name, field in items):
            fields = repr(items)  # the usual record: one repr, four times faster
        else:
            fields = ",".join(
                f"{name}={field!r}"
                if type(field) in PLAIN
                else f"{name}={_fingerprint(field, seen, strict)}"
                for name, field in items
            )
        related = ",".join(
            f"{name}->{_fingerprint(record, seen, strict)}"
            for name, record in sorted(value._state.fields_cache.items())
        )
        # Whether it is out yet, when its fields are loaded: a fingerprint never queries.
        loaded = value.__dict__
        live = (
            f"live={value.is_live}"
            if "status" in loaded and "published_at" in loaded and hasattr(type(value), "is_live")
            else ""
        )
        return f"{value._meta.label}:{value.pk}:{fields}|{related}|{live}"
    if isinstance(value, list):
        if id(value) in seen:  # named by when it was first met: the same on every view
            return f"list#{seen[id(value)][1]}"
        seen[id(value)] = (value, len(seen))
    if isinstance(value, (list, tuple)):
        if type(value) in (list, tuple) and _plain(value):
            return repr(value)  # rows of plain values (a directory's): one repr
        return "[" + ",".join(_fingerprint(item, seen, strict) for item in value) + "]"
    if isinstance(value, str | enum.Enum):
        return repr(value)
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(
                f"{key!r}:{_fingerprint(item, seen, strict)}"
                for key, item in sorted(value.items(), key=lambda pair: repr(pair[0]))
            )
            + "}"
        )
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            f"{type(value).__name__}("
            + ",".join(
                f"{field.name}={_fingerprint(getattr(value, field.name), seen, strict)}"
                for field in dataclasses.fields(value)
            )
            + ")"
        )
    if strict:
        return _fingerprint_of_kind(value, seen)
    return repr(value)


def fingerprint(value):
    """A digest of everything `value` (records, lists, plain values) holds that markup
    made from it can show: for what is kept beside a part, such as a form's options."""
    return hashlib.sha256(_fingerprint(value, strict=True).encode()).hexdigest()


def _fingerprint_of_kind(value, seen):
    """The strict fingerprint of the few other kinds a page's context holds."""
    if isinstance(value, Promise):  # a lazy translation, in the key's language
        return repr(str(value))
    if isinstance(value, QuerySet):  # evaluated here, once: the template reads the same
        if id(value) in seen:
            return f"qs#{seen[id(value)][1]}"
        seen[id(value)] = (value, len(seen))
        return "qs" + _fingerprint(list(value), seen, strict=True)
    if isinstance(value, Page):
        return (
            f"page{value.number}/{value.paginator.num_pages}/{value.paginator.count}"
            + _fingerprint(value.object_list, seen, strict=True)
        )
    if isinstance(value, Paginator):
        return f"paginator{value.per_page}/{value.num_pages}/{value.count}"
    if isinstance(value, types.SimpleNamespace):
        return "ns" + _fingerprint(vars(value), seen, strict=True)
    if isinstance(value, BaseForm) and hasattr(value, "fingerprint"):
        return f"form:{type(value).__name__}:{value.fingerprint()}"
    if isinstance(value, BaseForm):  # a filter form: what it was given, and its choices
        data = value.data
        given = sorted((name, data.getlist(name)) for name in data) if data else []
        choices = {
            name: list(field.choices)
            for name, field in value.fields.items()
            if hasattr(field, "choices")
        }
        return (
            f"form:{type(value).__name__}:{value.prefix}:{value.is_bound}:{given!r}:"
            f"{_fingerprint(value.initial, seen, strict=True)}:"
            f"{_fingerprint(choices, seen, strict=True)}"
        )
    raise Unkeepable(type(value).__name__)


def record_part(name, compute, *depends_on):
    """`compute()`, kept for as long as the records in `depends_on` stay as they are
    (whatever the site revision): a card or a body survives the publication of
    another record. Every record whose data the part shows must be named."""

    def key_of():
        material = "|".join(_fingerprint(value) for value in depends_on)
        digest = hashlib.sha256(material.encode()).hexdigest()
        return f"record:{code_version()}:{translation.get_language()}:{name}:{digest}"

    return _kept(name, key_of, compute)


# --- Whole pages for visitors, kept while everything they show stays the same ------

# Context entries a page part does not fingerprint: what the key holds otherwise (the
# address, the language), what is the same for every visitor it is kept for (signed
# out), and the view (which the address names; templates read nothing from it).
NOT_FINGERPRINTED = frozenset(
    {
        "request",
        "user",
        "perms",
        "messages",
        "DEFAULT_MESSAGE_LEVELS",
        "csrf_token",
        "view",
        "LANGUAGES",
        "LANGUAGE_CODE",
        "LANGUAGE_BIDI",
        "block",
        "forloop",
    }
)


def may_keep_page(request):
    """A signed-out visitor's GET: the only pages kept whole."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def page_part(compute, request, context):
    """`compute()`, a whole page, kept while every value in `context` (the template's,
    flattened) stays as it is, for this address, language and day (the footer's
    year), for visitors who are signed out. Every query of the view still runs: a
    page is never older than its records, scheduled ones included, and a publication
    elsewhere leaves it as it is, unlike the page cache's per-revision pages.

    A page whose context holds a value of unknown bearing (a request, an object of
    a kind `_fingerprint` does not know) is rendered, not kept; so is one that used
    the CSRF token, which is the visitor's own."""
    if not may_keep_page(request):
        return compute()

    def key_of():
        seen = {}
        try:
            material = "|".join(
                f"{name}={_fingerprint(value, seen, strict=True)}"
                for name, value in sorted(context.items())
                if name not in NOT_FINGERPRINTED
            )
        except Unkeepable:
            return None
        return _page_key("page", request, material)

    if getattr(request, "kept_by_view", False):
        return compute()  # the view keeps the whole response (`kept_response`)
    return _kept(
        "page",
        key_of,
        compute,
        may_store=lambda: not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"),
    )


# --- Whole responses, kept by the view that knows what they are made from --------

# What every page shows besides its view's records: registered at start-up by the
# portal (`portal.apps`: the office record and care mode, from its context processor).
_every_page = []
KEPT_HEADERS = ("Content-Type", "X-Robots-Tag", "Cache-Control", "Content-Disposition")


def every_page_shows(inputs):
    """Register `inputs(request)`: values every page shows (a list) besides its view's."""
    _every_page.append(inputs)


def kept_response(request, name, inputs, respond):
    """`respond()`, a view's response, for a signed-out visitor kept whole under a
    fingerprint of `inputs` (everything the view makes the page from: its prepared
    queries' `Records`, the parts it reads), of what every page shows (registered),
    and of the address, language and day. The view's queries run first, as for a
    `page_part`; what this saves besides the rendering is all the view does with
    their rows (making records, building its context, the template's own
    preamble), so a view must name every input of its page, and nothing else.

    Kept only when the response is a plain 200 for everyone: it sets no cookie,
    uses no CSRF token, and is not private or unstorable (a preview); and only when
    the view rendered what it was keyed under (`inputs_moved`)."""
    if not settings.PART_CACHE_SECONDS or not may_keep_page(request):
        return respond()
    try:
        key = _response_key(request, name, inputs)
        kept = cache.get(key) if key else None
    except DatabaseError:
        raise  # an input's query failed: the database's error, not the cache's
    except Exception:
        logger.exception("Part cache unavailable; rendering %s", name)
        key = kept = None
    if kept is not None:
        return restored_response(kept)
    if key:
        request.kept_by_view = True  # the template's own page part need not keep it too
    response = respond()
    if key and _may_keep_response(request, response):
        try:
            cache.set(key, stored_response(response, KEPT_HEADERS), settings.PART_CACHE_SECONDS)
        except Exception:
            logger.exception("Part cache unavailable; %s not stored", name)
    return response


def inputs_moved(request):
    """Called by a view that finds, while rendering, other rows than those its response
    is keyed under (an input kept per revision, and a change committed meanwhile):
    the response is served but not kept, for it would be kept under the old rows."""
    request.kept_inputs_moved = True


def _response_key(request, name, inputs):
    seen = {}
    try:
        shown = [list(inputs), *(page_inputs(request) for page_inputs in _every_page)]
        material = _fingerprint(shown, seen, strict=True)
    except Unkeepable:
        return None
    return _page_key("view", request, f"{name}|{material}")


def _page_key(kind, request, material):
    """A whole page's key: `material` for this address, language, day and code."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{address}|{material}".encode()).hexdigest()
    day = timezone.localdate().isoformat()
    return f"{kind}:{code_version()}:{translation.get_language()}:{day}:{digest}"


def stored_response(response, headers):
    """What the cache keeps of `response`: its status, these of its headers, its bytes."""
    kept = [(header, response[header]) for header in headers if header in response]
    return response.status_code, kept, response.content


def restored_response(kept):
    """The response `stored_response` kept."""
    status, headers, content = kept
    response = HttpResponse(content, status=status)
    for header, value in headers:
        response[header] = value
    return response


def _may_keep_response(request, response):
    if hasattr(response, "render") and not response.is_rendered:
        response.render()  # the CSRF token is asked for while rendering
    return (
        not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "kept_inputs_moved", False)
        and storable_for_everyone(response)
    )


def storable_for_everyone(response):
    """Whether a response may be kept and served to any visitor, as far as the
    response itself says: a plain 200 that sets no cookie, does not stream, and
    is not private, unstorable or already stale. Shared with the page cache."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and get_max_age(response) != 0
    )
