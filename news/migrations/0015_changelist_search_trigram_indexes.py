"""The article changelist's search at 100,000 articles, on PostgreSQL.

The admin searches `search_fields` with `icontains`: on PostgreSQL
`UPPER(field::text) LIKE UPPER('%word%')`, which no b-tree index serves, so
every search read the whole table, twice (the page and its count). A trigram
GIN index (pg_trgm) on the same expression serves `LIKE '%…%'`, in Chinese as in
English: "Karachi" in 5,000 of 100,000 articles, 250 ms → 50 ms for the count.
SQLite has no such index and keeps scanning (a few tens of milliseconds there).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# ArticleAdmin.search_fields, per language where translated.
LANGUAGES = ("zh_hans", "en")
FIELDS = [f"{name}_{code}" for name in ("title", "standfirst") for code in LANGUAGES] + ["slug"]


def _postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def create(apps, schema_editor):
    if _postgresql(schema_editor):
        for field in FIELDS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS news_article_search_{field} ON news_article "
                f"USING gin (UPPER({field}::text) gin_trgm_ops)"
            )
        # The planner needs the expressions' statistics at once: without them it
        # expects 10 rows of any pattern and takes the index even for a word in
        # every article (reading them all, rather than the newest 100).
        schema_editor.execute("ANALYZE news_article")


def drop(apps, schema_editor):
    if _postgresql(schema_editor):
        for field in FIELDS:
            schema_editor.execute(f"DROP INDEX IF EXISTS news_article_search_{field}")


class Migration(migrations.Migration):
    dependencies = [("news", "0014_change_reason_as_text")]

    # The extension is created on PostgreSQL only (Django's operation skips others).
    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
