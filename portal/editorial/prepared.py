"""Querysets compiled once per process and run many times.

Turning a queryset into SQL costs Django far more than running it: a public
list query takes about 0.7 ms to build and compile against 0.1 ms in SQLite.
The public pages run the same few queries on every request, with only the
moment ("published by now"), the language or a slug changing. `prepared()`
builds such a queryset once per process, language, database and shape, keeps its
compiler with the SQL, and on each use runs that SQL with the values of the
moment. The rows become records through Django's own iterables (select_related,
`.only()`, `values()`, prefetching all as usual), so what comes back is what the
queryset itself would give.

The values that change between uses are named: the builder takes them as
keyword arguments, and `prepared()` finds where each lands among the query's
parameters by compiling with two different stand-ins. A builder that reads
anything else that moves (the clock, above all) would be frozen into the SQL,
so preparing compiles twice more with the same stand-ins and refuses a query
whose parameters differ: `published()` takes the moment as an argument for this.
A value that ends up inline in the SQL (a LIMIT) cannot be a variable, and is
refused likewise, as is a `Prefetch` with a queryset of its own (it would be
kept as first built, clock and all). `PREPARED_QUERIES = False` builds every
queryset afresh.

What comes back is `Records`: the rows as the database gave them, made into
records only when something reads them. A kept page (`portal.editorial.parts`)
whose rows are all as before is served without making a single record: its
fingerprint is the rows themselves, and whether each record in them is live yet.
"""

import copy
import datetime
import functools
from collections.abc import Sequence
from itertools import chain

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models.sql.constants import MULTI
from django.utils import timezone, translation

_prepared = {}


class _Stand:
    """Stand-ins for the variables while a query is prepared: of each variable's type,
    different from any real value and from one another (Django drops repeated values
    from an `IN` list), in two sets, so that what moves between the two compiles is
    the variables' parameters and each tells which variable it is."""

    KINDS = (str, int, datetime.datetime)

    @classmethod
    def kind_of(cls, value):
        for kind in cls.KINDS:
            if isinstance(value, kind) and not isinstance(value, bool):
                return kind
        raise ImproperlyConfigured(f"A prepared query's variable cannot be {value!r}.")

    @staticmethod
    def value(kind, index, set_number):
        if kind is str:
            return f"\x00prepared-{set_number}-{index}\x00"
        if kind is int:
            return 2_000_000_000 + set_number * 100_000 + index
        base = datetime.datetime(1901 + set_number, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)
        return base + datetime.timedelta(microseconds=index + 1)


def _adapter(connection, raw, stored, other_raw, other_stored):
    """How a variable's value becomes the parameter Django would pass, told from the
    parameters its two stand-ins became: as it is, or as the database writes a
    datetime (SQLite stores text); None when these parameters are not its own."""
    candidates = [lambda value: value]
    if isinstance(raw, datetime.datetime):
        candidates.append(connection.ops.adapt_datetimefield_value)
    for adapt in candidates:
        if adapt(raw) == stored and adapt(other_raw) == other_stored:
            return adapt
    return None


def _comparable(params):
    """Parameters as values that compare: psycopg's JSON wrappers (`Jsonb("complete")`)
    are new objects on every compile and equal to nothing, so their content stands in."""
    return [(type(value), value.obj) if hasattr(value, "obj") else value for value in params]


class PreparedQuery:
    """A queryset's compiler and SQL, kept; `run(**values)` gives its results."""

    def __init__(self, build, fixed, variables, using, key=None):
        self.key = key  # what names its shape, in fingerprints of its rows
        self.using = using
        self.connection = connections[using]
        build = functools.partial(build, *fixed)
        first, second = (
            {
                name: _Stand.value(kind, index, set_number)
                for index, (name, kind) in enumerate(variables.items())
            }
            for set_number in (0, 1)
        )
        self.queryset = build(**first)
        for lookup in self.queryset._prefetch_related_lookups:
            if getattr(lookup, "queryset", None) is not None:
                raise ImproperlyConfigured(
                    f"Prefetching {lookup.prefetch_through!r} with a queryset of its own "
                    "would keep that queryset as first built: prefetch it after the query."
                )
        compiler = self.queryset.query.get_compiler(using=self.queryset.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.compiler = compiler
        # The columns' converters (text to datetime in SQLite...), worked out once too.
        columns = [column[0] for column in compiler.select[0 : compiler.col_count]]
        self.converters = compiler.get_converters(columns)
        self.live_columns = _live_columns(columns)
        self.pk_index = _pk_index(compiler)
        self.prefetches = bool(self.queryset._prefetch_related_lookups)
        self._check_stable(build, first)
        sql, other = self._compile(build, second)
        if sql != self.sql:
            raise ImproperlyConfigured("A variable is written into the SQL itself.")
        self.slots = []  # (position, variable, adapter)
        pairs = zip(_comparable(self.params), _comparable(other), strict=True)
        for index, (a, b) in enumerate(pairs):
            if a == b:
                continue
            self.slots.append(
                (index, *self._variable_at(first, second, self.params[index], other[index]))
            )
        for name in variables.keys() - {name for _index, name, _adapt in self.slots}:
            raise ImproperlyConfigured(f"Variable {name!r} is not a parameter of the query.")

    def _variable_at(self, first, second, stored, other_stored):
        """`(name, adapter)` of the variable whose stand-ins became these parameters."""
        for name, raw in first.items():
            adapt = _adapter(self.connection, raw, stored, second[name], other_stored)
            if adapt:
                return name, adapt
        raise ImproperlyConfigured(
            f"A parameter moved that no variable explains ({stored!r}): a value that moves "
            "(the clock?) must be passed as a variable, and a variable Django rewrites "
            "(a language in a JSON path) given as a fixed argument."
        )

    def _compile(self, build, values):
        queryset = build(**values)
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        return sql, list(params)

    def _check_stable(self, build, values):
        for _ in range(2):
            sql, params = self._compile(build, values)
            if sql != self.sql or _comparable(params) != _comparable(self.params):
                raise ImproperlyConfigured(
                    "A prepared query reads a value that moves (the clock?): pass it as a variable."
                )

    def results(self, **values):
        """The `Records` the kept SQL gives with `values`, compiling nothing.

        The kept compiler is copied for the run and given this thread's connection.
        A query that prefetches makes its records at once: its prefetching queries
        must run with it, on every use."""
        params = list(self.params)
        for index, name, adapt in self.slots:
            params[index] = adapt(values[name])
        compiler = self._compiler()
        compiler.as_sql = lambda *args, **kwargs: (self.sql, tuple(params))
        rows = list(chain.from_iterable(compiler.execute_sql(MULTI)))
        records = Records(rows, self)
        if self.prefetches:
            records.records  # noqa: B018 (made now)
        return records

    def _compiler(self):
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[self.using]
        compiler.get_converters = lambda expressions: self.converters
        return compiler

    def records_of(self, rows):
        """`rows` made into what the queryset gives (records, dicts, tuples) through
        Django's own iterable, its select_related and prefetching included; the
        queryset is never handed out, for chaining anything onto it (a slice, a
        filter) would still run the kept SQL."""
        compiler = self._compiler()
        compiler.execute_sql = lambda *args, **kwargs: [rows]
        queryset = self.queryset._chain()
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)

    def live_marks(self, rows):
        """For each row, whether each publishable record in it is live now: the rows
        of a kept page are the same when a scheduled record comes out, its mark not.

        The moment is compared as the database gave it: as text or a datetime in the
        database's own time zone (SQLite), or an aware datetime (PostgreSQL)."""
        if not self.live_columns:
            return ""
        connection = connections[self.using]
        now = timezone.now()
        bound = connection.ops.adapt_datetimefield_value(now)
        naive = timezone.make_naive(now, connection.timezone) if settings.USE_TZ else now
        marks = []
        for row in rows:
            for status, published_at in self.live_columns:
                moment = row[published_at]
                if moment is None:
                    live = False
                elif type(moment) is type(bound):
                    live = moment <= bound
                elif isinstance(moment, datetime.datetime) and moment.tzinfo is None:
                    live = moment <= naive
                else:
                    live = _converted(self.converters, published_at, moment, connection) <= now
                marks.append("1" if live and row[status] == "published" else "0")
        return "".join(marks)


def _live_columns(columns):
    """(status, published_at) column positions of each publishable table in the select."""
    by_table = {}
    for index, column in enumerate(columns):
        target = getattr(column, "target", None)
        model = getattr(target, "model", None)
        if model is None or not hasattr(model, "is_live"):
            continue
        if target.name in ("status", "published_at"):
            by_table.setdefault(column.alias, {})[target.name] = index
    return [
        (found["status"], found["published_at"]) for found in by_table.values() if len(found) == 2
    ]


def _pk_index(compiler):
    """Where the queried model's primary key sits in a row (None: rows of values)."""
    info = compiler.klass_info
    if not info:
        return None
    for index in info["select_fields"]:
        target = compiler.select[index][0].target
        if target.primary_key and target.model is info["model"]:
            return index
    return None


def _converted(converters, index, value, connection):
    found = converters.get(index)
    if found:
        functions, expression = found
        for convert in functions:
            value = convert(value, expression, connection)
    return value


class Records(Sequence):
    """A prepared query's results: its rows as the database gave them, made into
    records (or dicts, or tuples) the first time anything reads them.

    `fingerprint()` tells a kept page whether anything it showed has changed
    without making the records: the rows, and whether each publishable record in
    them is live yet. `pks()` reads the primary keys from the rows (of a query of
    records: `pks()`, `without()` and `in_order()` need records, not values). `attach()`
    gives each record a list of others (its photos) from a second query, also made
    only when read. Made from a plain list (`Records.of`), as when prepared
    queries are off, it behaves the same, its records made already."""

    def __init__(self, rows, query=None, records=None):
        self.rows = rows
        self._query = query
        self._records = records
        self._attached = []

    @classmethod
    def of(cls, records):
        records = list(records)
        return cls(records, records=records)

    @property
    def made(self):
        return self._records is not None

    @property
    def records(self):
        if self._records is None:
            records = self._query.records_of(self.rows)
            for others, to_attr, via in self._attached:
                _attach(records, others, to_attr, via)
            self._records = records
        return self._records

    def copy(self):
        """Records made afresh from the rows, these left as they are: for computing
        something else from them (a kept part) without taking away their fingerprint.
        (Made from a plain list, there are no rows: the same records.)"""
        if self._query is None:
            return list(self.records)
        records = self._query.records_of(self.rows)
        for others, to_attr, via in self._attached:
            _attach(records, others, to_attr, via)
        return records

    def __len__(self):
        return len(self.rows)

    def __bool__(self):
        return bool(self.rows)

    def __iter__(self):
        return iter(self.records)

    def __getitem__(self, index):
        if isinstance(index, slice):
            part = Records(self.rows[index], self._query)
            part._attached = self._attached
            if self.made:
                part._records = self._records[index]
            return part
        return self.records[index]

    def __reduce__(self):
        """Pickled (into a cache) as its records: its query holds a connection."""
        return (Records.of, (list(self.records),))

    def __repr__(self):
        state = "made" if self.made else "rows"
        return f"<Records: {len(self)} ({state})>"

    def column(self, name):
        """The values of the column `name` (a field's attname or an annotation), read
        from the rows without making records."""
        if self.made or self._query is None:
            return [
                row[name] if isinstance(row, dict) else getattr(row, name) for row in self.records
            ]
        compiler = self._query.compiler
        for index, (expression, _sql, alias) in enumerate(compiler.select[: compiler.col_count]):
            target = getattr(expression, "target", None)
            if alias == name or (target is not None and target.attname == name):
                return [row[index] for row in self.rows]
        raise KeyError(name)

    def pks(self):
        if self.made or self._query is None or self._query.pk_index is None:
            return [record.pk for record in self.records]
        return [row[self._query.pk_index] for row in self.rows]

    def without(self, pk):
        """These records but the one with primary key `pk`."""
        if self.made or self._query is None or self._query.pk_index is None:
            return Records.of(record for record in self.records if record.pk != pk)
        index = self._query.pk_index
        part = Records([row for row in self.rows if row[index] != pk], self._query)
        part._attached = self._attached
        return part

    def in_order(self, pks):
        """These records in the order of `pks` (primary keys), those not here left out."""
        if self.made or self._query is None or self._query.pk_index is None:
            found = {record.pk: record for record in self.records}
            return Records.of(found[pk] for pk in pks if pk in found)
        index = self._query.pk_index
        found = {row[index]: row for row in self.rows}
        part = Records([found[pk] for pk in pks if pk in found], self._query)
        part._attached = self._attached
        return part

    def attach(self, others, to_attr, via):
        """Give each record `to_attr`: the list of `others` (Records) whose `via`
        (a foreign key's attname) is its primary key, in their order."""
        if self.made:
            _attach(self._records, others, to_attr, via)
        self._attached = [*self._attached, (others, to_attr, via)]
        return self

    def fingerprint(self):
        """What markup made from these records depends on, as rows (None once made:
        a made record may have been changed since, so its own fields tell)."""
        if self.made:
            return None
        query = self._query
        attached = [(to_attr, others.fingerprint()) for others, to_attr, _via in self._attached]
        if any(part is None for _to_attr, part in attached):
            return None
        also = "".join(f"+{to_attr}:{part}" for to_attr, part in attached)
        return f"rows:{query.key!r}:{self.rows!r}:{query.live_marks(self.rows)}{also}"


def _attach(records, others, to_attr, via):
    groups = {}
    for other in others:
        groups.setdefault(getattr(other, via), []).append(other)
    for record in records:
        setattr(record, to_attr, groups.get(record.pk, []))


def prepared(name, build, *fixed, **values):
    """The results of `build(*fixed, **values)`, as `Records`, its SQL compiled once per
    process, active language, database and `fixed` under `name`.

    `fixed` (hashable: the language, a choice among a few) shapes the query and each
    of its values is compiled once; `values` (each a str, an int or an aware datetime:
    the moment, a slug) are parameters filled in on every use, and their names shape
    the query too. `build` must give the
    same query for the same arguments. `name` names the query's shape: two builders
    must never share one."""
    using = "default"
    if not settings.PREPARED_QUERIES:
        return Records.of(build(*fixed, **values))
    # The variables' names are part of the shape: an id list of another size (more
    # names) is another query.
    key = (name, translation.get_language(), using, fixed, tuple(values))
    query = _prepared.get(key)
    if query is None:
        variables = {variable: _Stand.kind_of(value) for variable, value in values.items()}
        try:
            query = PreparedQuery(build, fixed, variables, using, key)
        except EmptyResultSet:  # a query that can match nothing (`pk__in=[]`) has no SQL
            return Records.of(build(*fixed, **values))
        _prepared[key] = query
    return query.results(**values)


def id_list(ids, name="id"):
    """`ids` (primary keys) as int variables `id0`, `id1`… for a prepared query's
    `pk__in`, padded with 0 (which no record has) to the next power of two: a query
    shape per size, not per count. The builder reads them back with `ids_of()`."""
    size = 1
    while size < len(ids):
        size *= 2
    padded = [*ids, *[0] * (size - len(ids))]
    return {f"{name}{index}": pk for index, pk in enumerate(padded)}


def ids_of(values, name="id"):
    """The ids `id_list()` gave under `name`, from a builder's keyword arguments."""
    return [value for key, value in values.items() if key.removeprefix(name).isdigit()]
