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
"""

import copy
import datetime
import functools

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.utils import translation

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

    def __init__(self, build, fixed, variables, using):
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
        """The records (or rows) the kept SQL gives with `values`, compiling nothing.

        The kept compiler is copied for the run and given this thread's connection;
        the queryset is evaluated here and never handed out, for chaining anything
        onto it (a slice, a filter) would still run the kept SQL."""
        params = list(self.params)
        for index, name, adapt in self.slots:
            params[index] = adapt(values[name])
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[self.using]
        compiler.as_sql = lambda *args, **kwargs: (self.sql, tuple(params))
        compiler.get_converters = lambda expressions: self.converters
        queryset = self.queryset._chain()
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)


def prepared(name, build, *fixed, **values):
    """The results of `build(*fixed, **values)`, as a list, its SQL compiled once per
    process, active language, database and `fixed` under `name`.

    `fixed` (hashable: the language, a choice among a few) shapes the query and each
    of its values is compiled once; `values` (each a str, an int or an aware datetime:
    the moment, a slug) are parameters filled in on every use, and their names shape
    the query too. `build` must give the
    same query for the same arguments. `name` names the query's shape: two builders
    must never share one."""
    using = "default"
    if not settings.PREPARED_QUERIES:
        return list(build(*fixed, **values))
    # The variables' names are part of the shape: an id list of another size (more
    # names) is another query.
    key = (name, translation.get_language(), using, fixed, tuple(values))
    query = _prepared.get(key)
    if query is None:
        variables = {variable: _Stand.kind_of(value) for variable, value in values.items()}
        try:
            query = PreparedQuery(build, fixed, variables, using)
        except EmptyResultSet:  # a query that can match nothing (`pk__in=[]`) has no SQL
            return list(build(*fixed, **values))
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
