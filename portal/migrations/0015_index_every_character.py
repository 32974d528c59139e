"""The index now holds every character of a run of Chinese characters alone,
beside its pairs (`portal.search.tokens`), and a one-character query is an
exact token. Entries made before lack most of them: they are dropped here, and
the index is rebuilt after `migrate` (`portal.search.index.fill_if_empty`).
"""

from django.db import migrations


def drop_entries(apps, schema_editor):
    apps.get_model("portal", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0014_merge_office")]

    operations = [migrations.RunPython(drop_entries, migrations.RunPython.noop)]
