"""The two databases' full-text search, behind one small interface.

A search has tiers: "title" (the query matches the title), "rest" (it
matches elsewhere only) and "all". A backend counts the title and all
published matches in one query and returns a slice of a tier's object ids,
newest first.

SQLite: an FTS5 table (`portal_searchentry_fts`) kept in step with
`portal_searchentry` by triggers. Kind, language and status are tokens in it
(`scope_tokens`), so FTS5 alone counts matches. A query word (a prefix) is
first looked up in the index's vocabulary (`portal_searchentry_fts_vocab`,
migration 0016) and matched as the exact words it begins. A page is read
either by walking the recency index and testing each row's tokens (many
matches: the page fills at once) or by looking up the few matches by rowid
and sorting them.

PostgreSQL: generated `tsvector` columns (`document`, `title_document`, scope
tokens included) with GIN indexes count matches; a page with many matches
walks the recency index instead.

Both: all matches are counted only when the title matches stay under the
cap; cities and the office (a few hundred rows) test their rows' own tokens.

Both are created by the portal app's migration 0003 for the database in use.
"""

from django.db import connection

from portal.search.postgres_search import PostgresSearch
from portal.search.sql import COUNT_LIMIT
from portal.search.sqlite_search import SqliteSearch

__all__ = ["COUNT_LIMIT", "optimize", "search_backend"]


def optimize():
    """After a bulk rebuild or import: merge SQLite's FTS segments and refresh the
    planner's statistics, so that lists use their indexes at once rather than after
    autovacuum gets round to it. PostgreSQL also vacuums the index table (outside
    a transaction): a rebuild leaves every old entry dead, in the GIN posting lists
    and the heap, and a count of a word in every article then reads twice the
    rows, ten times the pages."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO portal_searchentry_fts(portal_searchentry_fts) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            if connection.in_atomic_block:
                cursor.execute("ANALYZE")
            else:
                cursor.execute("VACUUM (ANALYZE) portal_searchentry")
                cursor.execute("ANALYZE")


def search_backend(kind, language, terms):
    if connection.vendor == "sqlite":
        return SqliteSearch(kind, language, terms)
    if connection.vendor == "postgresql":
        return PostgresSearch(kind, language, terms)
    raise NotImplementedError(f"No full-text search for {connection.vendor}")
