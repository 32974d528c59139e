"""A key of a JSON column as text, written the same way in an index and in a query.

Django's key transforms (`translation_states__en`, `KT(...)`) write, on SQLite, the
JSON types they test as a set, whose order changes from one process to the next:
an expression index made by one process (`migrate`) then matched the queries of
only some server processes, and the others read the whole table (the translation
queue at 100,000 articles: 190 ms instead of a few). `JsonText` writes one SQL on
each database: `JSON_EXTRACT(column, '$."en"')` on SQLite, `(column #>> '{en}')` on
PostgreSQL, both the text of the value ("stale"), for indexes and filters alike.
The path is written into the SQL rather than passed as a parameter: SQLite matches
an expression index only to an expression of constants (Django's key transforms
pass it as a parameter, so on SQLite their indexes were never used at all).
"""

import re

from django.db.models import CharField, F, Func

KEY = re.compile(r"\A[a-z][a-z0-9_]*\Z")


class JsonText(Func):
    """`JsonText("translation_states", "en")`: the text at that key (keys: a path)."""

    output_field = CharField()

    def __init__(self, column, *keys):
        if not keys or not all(KEY.match(key) for key in keys):
            raise ValueError(f"JsonText needs keys of lowercase letters, digits and _: {keys}")
        self.keys = keys
        super().__init__(F(column))

    def __repr__(self):
        return f"JsonText({self.source_expressions[0]!r}, {', '.join(map(repr, self.keys))})"

    def as_sql(self, compiler, connection, **extra):
        # The path written into the SQL, not bound: SQLite matches an expression index
        # only to an expression of constants (the keys are the code's, checked by KEY).
        column, params = compiler.compile(self.source_expressions[0])
        return f"JSON_EXTRACT({column}, '{self._json_path()}')", params

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"({column} #>> '{{{','.join(self.keys)}}}')", params

    def _json_path(self):
        return "$" + "".join(f'."{key}"' for key in self.keys)
