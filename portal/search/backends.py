"""The two databases' full-text match, behind one `match()`.

SQLite: an FTS5 table (`portal_searchentry_fts`) kept in step with
`portal_searchentry` by triggers. PostgreSQL: generated `tsvector` columns
(`document`, `title_document`) with GIN indexes. Both are created by the
portal app's migration 0003 for the database in use.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

COLUMNS = {"title": "title_tokens", "all": None}


def _fts5_expression(terms, column):
    parts = []
    for tokens, is_prefix in terms:
        phrase = '"' + " ".join(tokens) + '"'
        parts.append(phrase + ("*" if is_prefix else ""))
    expression = " AND ".join(parts)
    if column:
        return f"{column} : ({expression})"
    return expression


def _tsquery(terms):
    parts = []
    for tokens, is_prefix in terms:
        phrase = " <-> ".join(tokens)
        parts.append(f"{phrase}:*" if is_prefix else f"({phrase})")
    return " & ".join(parts)


def match(queryset, terms, column="all"):
    """Entries of `queryset` whose tokens (in `column`) contain every term."""
    if connection.vendor == "sqlite":
        sql = "SELECT rowid FROM portal_searchentry_fts WHERE portal_searchentry_fts MATCH %s"
        return queryset.filter(pk__in=RawSQL(sql, [_fts5_expression(terms, COLUMNS[column])]))
    if connection.vendor == "postgresql":
        document = "title_document" if column == "title" else "document"
        condition = f"portal_searchentry.{document} @@ to_tsquery('simple', %s)"
        return queryset.extra(where=[condition], params=[_tsquery(terms)])
    raise NotImplementedError(f"No full-text search for {connection.vendor}")
