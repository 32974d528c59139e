"""The two databases' full-text search, behind one small interface.

A search has tiers: "title" (the query matches the title), "rest" (it
matches elsewhere only) and "all". A backend counts a tier's published
entries and returns a slice of their object ids, newest first.

SQLite: an FTS5 table (`portal_searchentry_fts`) kept in step with
`portal_searchentry` by triggers. Kind, language and status are tokens in it
(`scope_tokens`), so FTS5 alone counts matches. A page is read either by
walking the recency index and probing the match set (many matches: the page
fills at once) or by looking up the few matches by rowid and sorting them.

PostgreSQL: generated `tsvector` columns (`document`, `title_document`, scope
tokens included) with GIN indexes; the planner chooses.

Both are created by the portal app's migration 0003 for the database in use.
"""

from django.db import connection, transaction
from django.utils import timezone

from portal.editorial.models import Status
from portal.search.tokens import scope_tokens

# Below this many matches, fetching every match and sorting beats walking the
# recency index until a page is full.
SMALL_MATCH_SET = 5000
# PostgreSQL counts past this many matches no further ("more than 10,000"); at
# that many, walking the recency index finds a page sooner than sorting them.
COUNT_LIMIT = 10_001
DENSE_MATCH_SET = 10_000


def _fts5_query(terms):
    parts = []
    for tokens, is_prefix in terms:
        phrase = '"' + " ".join(tokens) + '"'
        parts.append(phrase + ("*" if is_prefix else ""))
    return " AND ".join(parts)


def _tsquery(terms):
    """All of a term's character pairs, not their phrase: a phrase makes PostgreSQL
    recheck every match against its stored vector, ten times slower; the pairs
    of a Chinese word rarely all occur apart from each other."""
    parts = []
    for tokens, is_prefix in terms:
        together = " & ".join(tokens)
        parts.append(f"{together}:*" if is_prefix else f"({together})")
    return " & ".join(parts)


class SqliteSearch:
    FTS = "portal_searchentry_fts"

    def __init__(self, kind, language, terms):
        self.kind, self.language = kind, language
        scope = scope_tokens(kind, language, Status.PUBLISHED)
        query = _fts5_query(terms)
        self.expressions = {
            "all": f"scope_tokens : ({scope}) AND ({query})",
            "title": f"scope_tokens : ({scope}) AND title_tokens : ({query})",
            "rest": f"scope_tokens : ({scope}) AND ({query}) NOT title_tokens : ({query})",
        }

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _match_set(self):
        return f"(SELECT rowid FROM {self.FTS} WHERE {self.FTS} MATCH %s)"

    def count(self, tier):
        """Published entries now: FTS counts the scope; scheduled matches are subtracted.

        The match set is only built when the scope has scheduled entries at all.
        """
        expression = self.expressions[tier]
        scheduled = (
            "FROM portal_searchentry WHERE kind = %s AND language = %s "
            "AND status = %s AND published_at > %s"
        )
        sql = (
            f"SELECT (SELECT count(*) FROM {self.FTS} WHERE {self.FTS} MATCH %s) - "
            f"CASE WHEN EXISTS (SELECT 1 {scheduled}) "
            f"THEN (SELECT count(*) {scheduled} AND id IN {self._match_set()}) ELSE 0 END"
        )
        scope = [self.kind, self.language, Status.PUBLISHED, timezone.now()]
        return self._fetch(sql, [expression, *scope, *scope, expression])[0][0]

    def ids(self, tier, offset, limit, total):
        expression = self.expressions[tier]
        now = timezone.now()
        if total <= SMALL_MATCH_SET:
            sql = (
                f"SELECT e.object_id FROM (SELECT rowid AS r FROM {self.FTS} "
                f"WHERE {self.FTS} MATCH %s) AS m CROSS JOIN portal_searchentry AS e "
                f"ON e.id = m.r WHERE e.published_at <= %s "
                f"ORDER BY e.published_at DESC, e.object_id DESC LIMIT %s OFFSET %s"
            )
            params = [expression, now, limit, offset]
        else:
            sql = (
                f"SELECT object_id FROM portal_searchentry WHERE kind = %s "
                f"AND language = %s AND status = %s AND published_at <= %s "
                f"AND id IN {self._match_set()} "
                f"ORDER BY published_at DESC, object_id DESC LIMIT %s OFFSET %s"
            )
            params = [self.kind, self.language, Status.PUBLISHED, now, expression, limit, offset]
        return [object_id for (object_id,) in self._fetch(sql, params)]

    def matches(self):
        """`{object_id: matched in title}` for every match: for small sets (cities)."""
        sql = (
            f"SELECT e.object_id, m.tier FROM ("
            f"SELECT rowid AS r, 1 AS tier FROM {self.FTS} WHERE {self.FTS} MATCH %s UNION ALL "
            f"SELECT rowid AS r, 0 AS tier FROM {self.FTS} WHERE {self.FTS} MATCH %s"
            f") AS m CROSS JOIN portal_searchentry AS e ON e.id = m.r"
        )
        params = [self.expressions["title"], self.expressions["rest"]]
        return {object_id: bool(tier) for object_id, tier in self._fetch(sql, params)}


class PostgresSearch:
    """The GIN indexes find matches (the scope is part of the tsquery); counting
    visits each match's (narrow) row, so it stops at COUNT_LIMIT. With many
    matches a page walks the recency index instead of sorting them all."""

    def __init__(self, kind, language, terms):
        self.kind, self.language = kind, language
        self.tsquery = f"{scope_tokens(kind, language, Status.PUBLISHED)} & {_tsquery(terms)}"
        document = "portal_searchentry.document @@ to_tsquery('simple', %s)"
        title = "portal_searchentry.title_document @@ to_tsquery('simple', %s)"
        self.conditions = {"all": document, "title": title, "rest": f"{document} AND NOT {title}"}

    def _condition(self, tier):
        condition = self.conditions[tier]
        return condition, [self.tsquery] * condition.count("%s")

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self, tier):
        condition, params = self._condition(tier)
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM portal_searchentry WHERE {condition} "
            f"AND published_at <= %s LIMIT %s) AS matches"
        )
        return self._fetch(sql, [*params, timezone.now(), COUNT_LIMIT])[0][0]

    def ids(self, tier, offset, limit, total):
        condition, params = self._condition(tier)
        sql = (
            f"SELECT object_id FROM portal_searchentry WHERE kind = %s AND language = %s "
            f"AND status = %s AND {condition} AND published_at <= %s "
            f"ORDER BY published_at DESC, object_id DESC LIMIT %s OFFSET %s"
        )
        params = [
            self.kind,
            self.language,
            Status.PUBLISHED,
            *params,
            timezone.now(),
            limit,
            offset,
        ]
        if total <= DENSE_MATCH_SET:
            return [row[0] for row in self._fetch(sql, params)]
        with transaction.atomic():
            # Many matches: walk the recency index rather than sort them all.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
            return [row[0] for row in self._fetch(sql, params)]

    def matches(self):
        condition, params = self._condition("all")
        title, title_params = self._condition("title")
        sql = f"SELECT object_id, {title} FROM portal_searchentry WHERE {condition}"
        return dict(self._fetch(sql, [*title_params, *params]))


def optimize():
    """After a bulk rebuild or import: merge SQLite's FTS segments and refresh the
    planner's statistics, so that lists use their indexes at once rather than after
    autovacuum gets round to it."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO portal_searchentry_fts(portal_searchentry_fts) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


def search_backend(kind, language, terms):
    if connection.vendor == "sqlite":
        return SqliteSearch(kind, language, terms)
    if connection.vendor == "postgresql":
        return PostgresSearch(kind, language, terms)
    raise NotImplementedError(f"No full-text search for {connection.vendor}")
