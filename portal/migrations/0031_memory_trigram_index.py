"""The translation memory's fuzzy lookup on PostgreSQL: pg_trgm and a GIN trigram
index on the source segments (other databases use the n-gram tables instead).

Without GIN's pending list (`fastupdate = off`): a pending list is read whole by
every lookup until a vacuum merges it, which after a large fill made each lookup
cost 20-30 ms more; entries come in a few at a time, so the slower insert is cheap."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "portal_memoryentry_source_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON portal_memoryentry "
            "USING gin (source gin_trgm_ops) WITH (fastupdate = off)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0030_translation_memory")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
