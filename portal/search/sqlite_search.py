"""Full-text search on SQLite: FTS5 (see portal/search/backends.py)."""

from functools import cached_property

from django.db import connection
from django.utils import timezone

from portal.editorial.models import Status
from portal.search.sql import (
    COUNT_LIMIT,
    MAX_PREFIX_WORDS,
    SMALL_MATCH_SET,
    fts5_query,
    row_tests,
    small_scope_matches,
    title_then_all,
)
from portal.search.tokens import scope_tokens


class SqliteSearch:
    FTS = "portal_searchentry_fts"
    VOCABULARY = "portal_searchentry_fts_vocab"

    def __init__(self, kind, language, terms):
        self.kind, self.language, self.terms = kind, language, terms
        self.scope = scope_tokens(kind, language, Status.PUBLISHED)
        self.row_tests = row_tests(terms)

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _counts(self, sql, params):
        return tuple(self._fetch(sql, params)[0])

    @cached_property
    def _words(self):
        """`{prefix: [word, ...]}` for each word of the query, from the index's
        vocabulary in one query. FTS5 would otherwise build a prefix's whole match
        list in memory in every query naming it (15-25 ms for a word in every
        entry); exact words it reads lazily and stops at a LIMIT. A prefix that
        begins more than MAX_PREFIX_WORDS words stays a prefix query; one that
        begins none maps to [] (nothing matches)."""
        prefixes = sorted({t[0] for t, is_prefix in self.terms if is_prefix and len(t) == 1})
        if not prefixes:
            return {}
        select = f"SELECT %s, term FROM {self.VOCABULARY} WHERE term >= %s AND term < %s"
        sql = " UNION ALL ".join(
            f"SELECT * FROM ({select} LIMIT {MAX_PREFIX_WORDS + 1})" for _ in prefixes
        )
        params = []
        for prefix in prefixes:
            params += [prefix, prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]
        words = {prefix: [] for prefix in prefixes}
        for prefix, word in self._fetch(sql, params):
            words[prefix].append(word)
        return {prefix: found for prefix, found in words.items() if len(found) <= MAX_PREFIX_WORDS}

    @cached_property
    def _nothing(self):
        return any(found == [] for found in self._words.values())

    @cached_property
    def expressions(self):
        query, scope = fts5_query(self.terms, self._words), self.scope
        # Parenthesised so that NOT applies to the scope's few matches: FTS5's
        # NOT binds tighter than AND, and "A AND B NOT C" walks all of B.
        return {
            "all": f"scope_tokens : ({scope}) AND {{title_tokens body_tokens}} : ({query})",
            "title": f"scope_tokens : ({scope}) AND title_tokens : ({query})",
            "rest": f"(scope_tokens : ({scope}) AND {{title_tokens body_tokens}} : ({query})) "
            f"NOT title_tokens : ({query})",
        }

    def counts(self):
        """(title matches, all matches), published now, each counted up to
        COUNT_LIMIT, in one query: FTS alone counts the scope's matches; only
        when the scope has scheduled entries at all are the matches joined to
        their rows to leave those out."""
        if self._nothing:
            return 0, 0
        matches = f"SELECT rowid AS r FROM {self.FTS} WHERE {self.FTS} MATCH %s"
        scheduled = (
            "SELECT 1 FROM portal_searchentry WHERE kind = %s AND language = %s "
            "AND status = %s AND published_at > %s"
        )
        now, counts = timezone.now(), {}
        scope = [self.kind, self.language, Status.PUBLISHED, now]
        for tier in ("title", "all"):
            expression = self.expressions[tier]
            counts[tier] = (
                f"CASE WHEN EXISTS ({scheduled}) THEN (SELECT count(*) FROM ("
                f"SELECT 1 FROM ({matches}) AS m CROSS JOIN portal_searchentry AS e "
                f"ON e.id = m.r WHERE e.published_at <= %s LIMIT %s)) "
                f"ELSE (SELECT count(*) FROM ({matches} LIMIT %s)) END",
                [*scope, expression, now, COUNT_LIMIT, expression, COUNT_LIMIT],
            )
        return self._counts(*title_then_all(counts))

    def ids(self, tier, offset, limit, total):
        now = timezone.now()
        if self._nothing:
            return []
        if total <= SMALL_MATCH_SET:
            sql = (
                f"SELECT e.object_id FROM (SELECT rowid AS r FROM {self.FTS} "
                f"WHERE {self.FTS} MATCH %s) AS m CROSS JOIN portal_searchentry AS e "
                f"ON e.id = m.r WHERE e.published_at <= %s "
                f"ORDER BY e.published_at DESC, e.object_id DESC LIMIT %s OFFSET %s"
            )
            params = [self.expressions[tier], now, limit, offset]
        else:
            # Many matches: walk the recency index and test each row's own tokens
            # until the page is full (FTS would rebuild a prefix's list per row).
            condition, test_params = self.row_tests[tier]
            sql = (
                f"SELECT e.object_id FROM portal_searchentry AS e WHERE e.kind = %s "
                f"AND e.language = %s AND e.status = %s AND e.published_at <= %s "
                f"AND {condition} "
                f"ORDER BY e.published_at DESC, e.object_id DESC LIMIT %s OFFSET %s"
            )
            params = [self.kind, self.language, Status.PUBLISHED, now, *test_params, limit, offset]
        return [object_id for (object_id,) in self._fetch(sql, params)]

    def matches(self):
        """`{object_id: matched in title}`, for a small scope (cities, the office):
        its published rows' own tokens are tested, under a millisecond for 200
        cities, where FTS would read the whole list of a word in every article."""
        return small_scope_matches(self)
