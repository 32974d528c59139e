"""Full-text search on PostgreSQL: tsvector columns and GIN indexes (see
portal/search/backends.py)."""

from django.db import connection
from django.utils import timezone

from portal.editorial.models import Status
from portal.search.sql import (
    COUNT_LIMIT,
    DENSE_MATCH_SET,
    small_scope_matches,
    title_then_all,
    tsquery,
)
from portal.search.tokens import scope_tokens


class PostgresSearch:
    """The GIN indexes find matches (the scope is part of the tsquery); counting
    visits each match's (narrow) row, so it stops at COUNT_LIMIT. With many
    matches a page walks the recency index instead of sorting them all."""

    def __init__(self, kind, language, terms):
        self.kind, self.language, self.terms = kind, language, terms
        self.tsquery = f"{scope_tokens(kind, language, Status.PUBLISHED)} & {tsquery(terms)}"
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

    def _fetch_without(self, setting, sql, params):
        """`sql`'s rows with a planner method turned off for it alone, in one round
        trip: Django's psycopg binds parameters on the client, so the three
        statements go as one string, which PostgreSQL runs in one transaction
        (inside a caller's transaction, the setting is reset after)."""
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL {setting} = off; {sql}; RESET {setting}", params)
            cursor.nextset()
            return cursor.fetchall()

    def counts(self):
        """(title matches, all matches), published now, each up to COUNT_LIMIT, in one query."""
        now, counts = timezone.now(), {}
        for tier in ("title", "all"):
            condition, params = self._condition(tier)
            counts[tier] = (
                f"(SELECT count(*) FROM (SELECT 1 FROM portal_searchentry WHERE {condition} "
                f"AND published_at <= %s LIMIT %s) AS matches)",
                [*params, now, COUNT_LIMIT],
            )
        # The GIN index, even for a word in every entry: the planner's other
        # choice, a scan that stops at COUNT_LIMIT, unpacks every row's vector.
        sql, params = title_then_all(counts)
        return tuple(self._fetch_without("enable_seqscan", sql, params)[0])

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
        # Many matches: walk the recency index rather than sort them all.
        return [row[0] for row in self._fetch_without("enable_bitmapscan", sql, params)]

    def matches(self):
        """`{object_id: matched in title}`, for a small scope (cities, the office):
        its published rows' own tokens are tested, where the GIN indexes would read
        the whole posting list of a word in every article (20-40 ms)."""
        return small_scope_matches(self)
