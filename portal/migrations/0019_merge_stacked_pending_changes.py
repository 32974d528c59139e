"""One pending change per author and record (`portal.editorial.pending.propose`).

Before, each save or import by the same person added a change of its own, so two
values for one field could wait side by side. Each author's changes to a record
are merged here into their latest, later values replacing earlier ones field by
field, before the next migration makes the rule a constraint.
"""

from django.db import migrations


def merge(apps, schema_editor):
    PendingChange = apps.get_model("portal", "PendingChange")
    latest = {}
    for change in PendingChange.objects.filter(author__isnull=False).order_by("created_at", "pk"):
        key = (change.content_type_id, change.object_id, change.author_id)
        earlier = latest.get(key)
        if earlier is not None:
            change.values = {**earlier.values, **change.values}
            change.save(update_fields=["values"])
            earlier.delete()
        latest[key] = change


class Migration(migrations.Migration):
    dependencies = [("portal", "0018_stale_editions_stay_public")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
