"""The translation memory's fuzzy lookup on PostgreSQL: pg_trgm and a GIN trigram
index on the source segments (other databases use the n-gram tables instead)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "portal_memoryentry_source_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON portal_memoryentry "
            "USING gin (source gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0028_translation_memory")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
