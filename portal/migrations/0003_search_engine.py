"""The full-text machinery behind `portal.search.backends`, per database.

SQLite: an FTS5 table mirroring portal_searchentry, kept in step by triggers.
(Django rebuilds an SQLite table to alter it, which drops triggers: a later
migration that alters portal_searchentry must recreate them.)
PostgreSQL: stored tsvector columns generated from the tokens (Django does
not know them; PostgreSQL fills them), each with a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE portal_searchentry_fts USING fts5(
        scope_tokens, title_tokens, body_tokens,
        content='portal_searchentry', content_rowid='id', tokenize='unicode61')""",
    """CREATE TRIGGER portal_searchentry_ai AFTER INSERT ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(rowid, scope_tokens, title_tokens, body_tokens)
        VALUES (new.id, new.scope_tokens, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER portal_searchentry_ad AFTER DELETE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(
            portal_searchentry_fts, rowid, scope_tokens, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.scope_tokens, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER portal_searchentry_au AFTER UPDATE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(
            portal_searchentry_fts, rowid, scope_tokens, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.scope_tokens, old.title_tokens, old.body_tokens);
        INSERT INTO portal_searchentry_fts(rowid, scope_tokens, title_tokens, body_tokens)
        VALUES (new.id, new.scope_tokens, new.title_tokens, new.body_tokens);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    "DROP TRIGGER IF EXISTS portal_searchentry_ad",
    "DROP TRIGGER IF EXISTS portal_searchentry_ai",
    "DROP TABLE IF EXISTS portal_searchentry_fts",
]
POSTGRES_FORWARD = [
    # Keep rows narrow: long token texts and vectors move out of line, so that
    # visiting thousands of matching rows reads few pages.
    "ALTER TABLE portal_searchentry SET (toast_tuple_target = 128)",
    """ALTER TABLE portal_searchentry ALTER COLUMN title_tokens SET STORAGE EXTERNAL,
        ALTER COLUMN body_tokens SET STORAGE EXTERNAL""",
    """ALTER TABLE portal_searchentry ADD COLUMN title_document tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', scope_tokens || ' ' || title_tokens)) STORED""",
    """ALTER TABLE portal_searchentry ADD COLUMN document tsvector
        GENERATED ALWAYS AS (to_tsvector('simple',
            scope_tokens || ' ' || title_tokens || ' ' || body_tokens)) STORED""",
    """ALTER TABLE portal_searchentry ALTER COLUMN title_document SET STORAGE EXTERNAL,
        ALTER COLUMN document SET STORAGE EXTERNAL""",
    "CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (document)",
    "CREATE INDEX portal_searchentry_title ON portal_searchentry USING gin (title_document)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE portal_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS title_document",
    "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS document",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_search_entry")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
