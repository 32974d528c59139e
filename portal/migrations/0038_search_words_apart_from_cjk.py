"""Search tokens: Latin letters and digits written against Chinese ("APEC商务",
"2021年") are a word of their own (`portal.search.tokens.RUN`). The index is
emptied here; `portal.search.index.fill_if_empty` rebuilds it right after `migrate`."""

from django.db import migrations


def empty_index(apps, schema_editor):
    apps.get_model("portal", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0037_translation_summary_workbench_index")]

    operations = [migrations.RunPython(empty_index, migrations.RunPython.noop)]
