"""A guide's forms now count towards its translation state (`ServiceGuide.translated_parts`):
a guide offering a form whose title is not yet translated is missing in that language."""

from django.db import migrations
from django.db.models import Q

LANGUAGES = {"zh-hans": "zh_hans", "en": "en"}


def blank(name):
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def mark_untranslated_forms(apps, schema_editor):
    ServiceGuide = apps.get_model("office", "ServiceGuide")
    for guide in ServiceGuide.objects.filter(forms__isnull=False).distinct():
        original = LANGUAGES.get(guide.original_language)
        if original is None:
            continue
        states = dict(guide.translation_states or {})
        for suffix in LANGUAGES.values():
            if suffix == original:
                continue
            untranslated = guide.forms.exclude(blank(f"title_{original}")).filter(
                blank(f"title_{suffix}")
            )
            if untranslated.exists():
                states[suffix] = "missing"
        if states != guide.translation_states:
            ServiceGuide.objects.filter(pk=guide.pk).update(translation_states=states)


class Migration(migrations.Migration):
    dependencies = [("office", "0003_original_only")]

    operations = [migrations.RunPython(mark_untranslated_forms, migrations.RunPython.noop)]
