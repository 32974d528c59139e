"""An edition that was complete stays public when its original changes, marked in
`translation_states` under "stale_since" (`portal.editorial.translation_state`).

Records stored before kept no such mark. Each edition not complete now is marked
when a version of its record shows it complete, dated by the first version after
the last complete one: the change that made it stale (by the record's last change
when no version came after). A record without versions marks a stale edition
(every field translated, against an older original) dated by its last change.
Editions never complete stay unmarked, and out. Where any edition was marked,
the search index is emptied and rebuilt after `migrate`
(`portal.search.index.fill_if_empty`), so that its searches find them again.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

STALE_SINCE = "stale_since"
RECORDS = [
    ("news", "Article"),
    ("cities", "City"),
    ("office", "OfficePage"),
    ("office", "ServiceGuide"),
    ("office", "WebsiteReport"),
]


def suffixes():
    return [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def went_stale(versions, key):
    """`(was complete, since)` for `key`'s translation over a record's versions (oldest
    first, `(history_date, translation_states)`): whether one showed it complete, and
    the date of the first version after the last such one (None when none came after:
    the change was to the record's parts, which keep no version)."""
    was_complete, since = False, None
    for when, states in versions:
        if (states or {}).get(key) == "complete":
            was_complete, since = True, None
        elif was_complete and since is None:
            since = when
    return was_complete, since


def stale_since(record, versions):
    """`{suffix: ISO date}` for `record`'s editions that were complete and are not now."""
    states = record.translation_states or {}
    marks = {}
    for key in suffixes():
        if states.get(key, "complete") == "complete":
            continue
        if versions:
            was_complete, when = went_stale(versions, key)
        else:
            was_complete, when = states[key] == "stale", None
        if was_complete:
            marks[key] = timezone.localdate(when or record.updated_at).isoformat()
    return marks


def mark_stale_editions(apps, schema_editor):
    marked = False
    for app_label, name in RECORDS:
        model = apps.get_model(app_label, name)
        history = apps.get_model(app_label, f"Historical{name}").objects
        records = model.objects.only("translation_states", "updated_at").order_by("pk")
        for record in records.iterator():
            states = record.translation_states or {}
            if STALE_SINCE in states or all(
                states.get(key, "complete") == "complete" for key in suffixes()
            ):
                continue
            versions = list(
                history.filter(id=record.pk)
                .order_by("history_date", "history_id")
                .values_list("history_date", "translation_states")
            )
            marks = stale_since(record, versions)
            if marks:
                model.objects.filter(pk=record.pk).update(
                    translation_states={**states, STALE_SINCE: marks}
                )
                marked = True
    if marked:
        apps.get_model("portal", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0017_site_revision_token"),
        ("news", "0012_visible_index_covers_editions"),
        ("cities", "0013_merge_0012_original_only_0012_provenance_and_stages"),
        ("office", "0004_guide_form_states"),
    ]

    operations = [migrations.RunPython(mark_stale_editions, migrations.RunPython.noop)]
