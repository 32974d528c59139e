"""The SQL both full-text backends (portal/search/backends.py) build: FTS5 and
tsquery expressions, the row tests of a scope's own tokens, and one query for the
title and all counts."""

from django.db import connection

from portal.editorial.models import Status

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


def fts5_query(terms, words=None):
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


def tsquery(terms):
    """All of a term's character pairs, not their phrase: a phrase makes PostgreSQL
    recheck every match against its stored vector, ten times slower; the pairs
    of a Chinese word rarely all occur apart from each other."""
    parts = []
    for tokens, is_prefix in terms:
        together = " & ".join(tokens)
        parts.append(f"{together}:*" if is_prefix else f"({together})")
    return " & ".join(parts)


def row_tests(terms):
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


def title_then_all(counts):
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


def small_scope_matches(backend):
    """`{object_id: matched in title}` for every published row of the backend's
    scope whose own tokens match (`row_tests`), found through the recency index."""
    every, every_params = row_tests(backend.terms)["all"]
    title, title_params = row_tests(backend.terms)["title"]
    sql = (
        f"SELECT e.object_id, {title} FROM portal_searchentry AS e WHERE e.kind = %s "
        f"AND e.language = %s AND e.status = %s AND {every}"
    )
    params = [*title_params, backend.kind, backend.language, Status.PUBLISHED, *every_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {object_id: bool(in_title) for object_id, in_title in cursor.fetchall()}
