"""Search entries carry a status per language (ABSENT where a record has no
edition in it). The index is emptied here; `portal.search.index.fill_if_empty`
rebuilds it right after `migrate`."""

from django.db import migrations, models


def empty_index(apps, schema_editor):
    apps.get_model("portal", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0010_translate_permission"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="status",
            field=models.CharField(max_length=10),
        ),
        migrations.RunPython(empty_index, migrations.RunPython.noop),
    ]
