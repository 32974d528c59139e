"""SQLite: a read-only view of the FTS5 index's words (`fts5vocab`), so that a
word typed as a prefix is looked up once and matched as the exact words it
begins (`portal.search.backends.SqliteSearch`). It holds no data of its own."""

from django.db import migrations

FORWARD = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS portal_searchentry_fts_vocab "
    "USING fts5vocab(portal_searchentry_fts, 'row')"
)
BACKWARD = "DROP TABLE IF EXISTS portal_searchentry_fts_vocab"


def run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("portal", "0015_index_every_character")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
