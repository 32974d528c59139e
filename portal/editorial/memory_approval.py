"""The translation memory follows each new version (simple-history's signal).

A publisher's version of a published record adds its approved pairs
(`memory.approve`), flagged as approved over QA errors where the save published
a field over them with a reason (`qa_gate.overridden`), or where a field still has
QA errors when the record is published or published again. A version no longer
published removes the record's pairs (`withdraw`; imported ones stay).

A record's parts (a city's exchanges) are public with it (`record_kinds.is_public`),
so they follow it: withdrawing the record removes their pairs too, and publishing
it (again) adds theirs back, approved by its publisher then, as the record's own
come back.
"""

from django.contrib.contenttypes.models import ContentType
from simple_history.signals import post_create_historical_record

from portal.editorial import rules
from portal.editorial.memory import approve, publishing_model
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.models import Status, Translatable
from portal.editorial.qa_gate import fields_with_errors, overridden
from portal.editorial.record_kinds import is_public, kinds, owner_field


def part_models(model):
    """The kinds of record with pairs of their own that belong to `model`'s records."""
    return [
        (part, field)
        for part in kinds()
        if issubclass(part, Translatable)
        and (field := owner_field(part)) is not None
        and field.related_model is model
    ]


def _parts(record):
    for model, field in part_models(type(record)):
        yield from model._base_manager.filter(**{field.name: record}).order_by("pk")


def withdraw(record):
    """Remove the pairs approved in `record` (no longer published) and in its parts;
    imported pairs stay."""
    made = MemoryEntry.objects.filter(imported=False)
    made.filter(
        content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
    ).delete()
    for model, field in part_models(type(record)):
        ids = model._base_manager.filter(**{field.name: record}).values("pk")
        content_type = ContentType.objects.get_for_model(model)
        made.filter(content_type=content_type, object_id__in=ids).delete()


def _newly_published(instance, history_instance):
    """Whether this version publishes the record: its previous version was not
    published, or there was none."""
    if not hasattr(instance, "status") or history_instance is None:
        return False
    earlier = type(history_instance).objects.filter(
        id=instance.pk, history_id__lt=history_instance.history_id
    )
    before = earlier.order_by("-history_id").values_list("status", flat=True).first()
    return before != Status.PUBLISHED


def on_new_version(sender, instance, history_user=None, history_date=None, **kwargs):
    if not isinstance(instance, Translatable):
        return
    over = overridden(instance, forget=True)
    if not is_public(instance, owner_field(type(instance))):
        withdraw(instance)
        return
    if history_user is None or not rules.can_publish(
        history_user, publishing_model(type(instance))
    ):
        return
    if not _newly_published(instance, kwargs.get("history_instance")):
        approve(instance, history_user, history_date, over)
        return
    approve(instance, history_user, history_date, over | fields_with_errors(instance))
    for part in _parts(instance):
        approve(part, history_user, history_date, fields_with_errors(part))


def connect():
    """Fill the memory on approval (called once, from the app's `ready`)."""
    post_create_historical_record.connect(on_new_version, dispatch_uid="translation-memory")
