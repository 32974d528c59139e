"""Once, this filled the completeness matrix's summaries with today's code; but
today's code reads today's models, whose later columns (`Term.variants`) this
migration's database lacks. The summaries are filled after `migrate` instead, when
records exist and no summary does (`portal.editorial.summaries.fill_if_empty`, on
post_migrate). Kept, empty, for the databases that ran it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0026_translation_summaries"),
        ("cities", "0013_merge_0012_original_only_0012_provenance_and_stages"),
        ("news", "0012_visible_index_covers_editions"),
        ("office", "0004_guide_form_states"),
    ]

    operations = []
