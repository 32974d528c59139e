"""The index now ends each run of Chinese characters with its last character
alone (`portal.search.tokens`). Entries made before lack it: they are dropped
here, and the index is rebuilt after `migrate` (`portal.search.index.fill_if_empty`).
"""

from django.db import migrations


def drop_entries(apps, schema_editor):
    apps.get_model("portal", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0010_translate_permission")]

    operations = [migrations.RunPython(drop_entries, migrations.RunPython.noop)]
