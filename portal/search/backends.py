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

from functools import cached_property

from django.db import connection
from django.utils import timezone

from portal.editorial.models import Status
from portal.search.tokens import scope_tokens

# Below this many matches, fetching every match and sorting beats walking the
# recency index until a page is full.
SMALL_MATCH_SET = 2000
# PostgreSQL counts past this many matches no further ("more than 10,000"); at
# that many, walking the recency index finds a page sooner than sorting them.
COUNT_LIMIT = 10_001
DENSE_MATCH_SET = 10_000
# A query word that begins more words than this is searched as a prefix by FTS5.
MAX_PREFIX_WORDS = 32


def _fts5_phrase(tokens, is_prefix):
    return '"' + " ".join(tokens) + '"' + ("*" if is_prefix else "")


def _fts5_query(terms, words=None):
    """Every term, AND-ed. `words` maps a prefix to the exact words it begins,
    where those were looked up (`SqliteSearch._words`)."""
    words = words or {}
    parts = []
    for tokens, is_prefix in terms:
        found = words.get(tokens[0]) if is_prefix and len(tokens) == 1 else None
        if found is None:
            parts.append(_fts5_phrase(tokens, is_prefix))
        else:
            parts.append("(" + " OR ".join(_fts5_phrase([word], False) for word in found) + ")")
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


def _row_tests(terms):
    """`{tier: (SQL, params)}`: whether an entry's own token columns match every
    term, as FTS would (tokens are space-separated [a-z0-9], so LIKE needs no
    escaping): a term's tokens in a row, the last one whole or as a prefix."""

    def contains(column, tokens, is_prefix):
        pattern = "% " + " ".join(tokens) + ("%" if is_prefix else " %")
        return f"(' ' || e.{column} || ' ' LIKE %s)", [pattern]

    title, title_params, every, every_params = [], [], [], []
    for tokens, is_prefix in terms:
        in_title, params = contains("title_tokens", tokens, is_prefix)
        in_body, body_params = contains("body_tokens", tokens, is_prefix)
        title.append(in_title)
        title_params += params
        every.append(f"({in_title} OR {in_body})")
        every_params += params + body_params
    title_sql, every_sql = " AND ".join(title), " AND ".join(every)
    return {
        "title": (title_sql, title_params),
        "all": (every_sql, every_params),
        "rest": (f"{every_sql} AND NOT ({title_sql})", every_params + title_params),
    }


def _title_then_all(counts):
    """One query for (title matches, all matches) from `{tier: (SQL, params)}`
    counts: all matches are counted only when the title matches do not already
    reach COUNT_LIMIT (every title match is a match), so a word in every title
    costs one count, not two."""
    (title, title_params), (every, every_params) = counts["title"], counts["all"]
    sql = (
        f"WITH t AS MATERIALIZED (SELECT {title} AS n) "
        f"SELECT n, CASE WHEN n >= %s THEN n ELSE {every} END FROM t"
    )
    return sql, [*title_params, COUNT_LIMIT, *every_params]


def _small_scope_matches(backend):
    """`{object_id: matched in title}` for every published row of the backend's
    scope whose own tokens match (`_row_tests`), found through the recency index."""
    every, every_params = _row_tests(backend.terms)["all"]
    title, title_params = _row_tests(backend.terms)["title"]
    sql = (
        f"SELECT e.object_id, {title} FROM portal_searchentry AS e WHERE e.kind = %s "
        f"AND e.language = %s AND e.status = %s AND {every}"
    )
    params = [*title_params, backend.kind, backend.language, Status.PUBLISHED, *every_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {object_id: bool(in_title) for object_id, in_title in cursor.fetchall()}


class SqliteSearch:
    FTS = "portal_searchentry_fts"
    VOCABULARY = "portal_searchentry_fts_vocab"

    def __init__(self, kind, language, terms):
        self.kind, self.language, self.terms = kind, language, terms
        self.scope = scope_tokens(kind, language, Status.PUBLISHED)
        self.row_tests = _row_tests(terms)

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
        query, scope = _fts5_query(self.terms, self._words), self.scope
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
        return self._counts(*_title_then_all(counts))

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
        return _small_scope_matches(self)


class PostgresSearch:
    """The GIN indexes find matches (the scope is part of the tsquery); counting
    visits each match's (narrow) row, so it stops at COUNT_LIMIT. With many
    matches a page walks the recency index instead of sorting them all."""

    def __init__(self, kind, language, terms):
        self.kind, self.language, self.terms = kind, language, terms
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
        sql, params = _title_then_all(counts)
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
        return _small_scope_matches(self)


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
