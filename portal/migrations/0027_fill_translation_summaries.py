"""The completeness matrix's summaries for the records that exist, a batch at a time.

Written with today's code (`summaries.refresh_all`), as each save writes them: the
rule that makes a summary lives in one place. Today's code reads today's models,
so a database with no record yet (a new one, every test database) is skipped:
a later migration adding a field to one of those models (`Term.variants`) would
otherwise make this one read a column that does not exist yet.
"""

from django.db import migrations


def fill(apps, schema_editor):
    from portal.editorial.matrix import kinds
    from portal.editorial.summaries import refresh_all

    if not any(apps.get_model(model._meta.label).objects.exists() for model in kinds()):
        return
    refresh_all()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0026_translation_summaries"),
        ("cities", "0013_merge_0012_original_only_0012_provenance_and_stages"),
        ("news", "0012_visible_index_covers_editions"),
        ("office", "0004_guide_form_states"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
