"""An index on the record a summary is translated with (itself, or a part's owner): the
translation queue adds up a record's counts and its parts'. The counts themselves come
after `migrate` (`portal.editorial.summaries.fill_if_empty`)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('portal', '0036_xliff_import_qa_reason'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='translationsummary',
            index=models.Index(fields=['workbench_type', 'workbench_id'], name='portal_summary_workbench'),
        ),
    ]
