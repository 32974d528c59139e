"""The translators' work queue: every record whose translation is missing or stale."""

from dataclasses import dataclass, field

from django.urls import reverse
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.models import Translatable
from portal.editorial.translation_state import MISSING, STALE, field_states, suffix
from portal.formatting.diffs import word_diff
from portal.formatting.richtext import plain_text


@dataclass
class StaleField:
    name: str
    label: str
    old: str
    new: str

    def diff(self):
        """(old, new) as HTML with what was removed and added marked."""
        return word_diff(self.old, self.new)


@dataclass
class QueueItem:
    record: object
    state: str
    language: str
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    # (field label, [official names the translation lacks])
    names: list = field(default_factory=list)

    @property
    def model_name(self):
        return self.record._meta.verbose_name

    @property
    def change_url(self):
        opts = self.record._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk])

    @property
    def workbench_url(self):
        label = self.record._meta.label_lower
        return reverse("translation_workbench", args=[label, self.record.pk, self.language])

    @property
    def changed(self):
        return self.record.updated_at


def translatable_models():
    """The models whose records track their translation state (all of them
    `Timestamped`; pictures are not: their alt text is required in both
    languages before publication instead)."""
    return [
        model
        for model in translator.get_registered_models()
        if issubclass(model, Translatable) and not model._meta.abstract
    ]


def _label(model, name, language):
    return model._meta.get_field(build_localized_fieldname(name, language)).verbose_name


def queue(language, limit=None):
    """Records needing work in `language`, oldest change first (at most `limit`)."""
    items = []
    glossary = Glossary()
    for model in translatable_models():
        key = f"translation_states__{suffix(language)}"
        waiting = model.objects.filter(**{f"{key}__in": [MISSING, STALE]})
        waiting = waiting.order_by("updated_at", "pk")[:limit]
        for record in waiting:
            states = field_states(record, language)
            item = QueueItem(record, record.translation_states.get(suffix(language)), language)
            basis = record.translation_basis.get(suffix(language), {})
            original = record.original_language
            for name, state in states.items():
                label = _label(model, name, original)
                if state == MISSING:
                    item.missing.append(label)
                    continue
                current = getattr(record, build_localized_fieldname(name, original)) or ""
                old = basis.get(name) or ""
                item.stale.append(StaleField(name, label, plain_text(old), plain_text(current)))
            for _language, name, lacking in record_warnings(record, glossary, [language]):
                item.names.append((model._meta.get_field(name).verbose_name, lacking))
            items.append(item)
    items.sort(key=lambda item: (item.changed, item.record.pk))
    return items[:limit]
