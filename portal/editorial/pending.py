"""Changes to published records wait for a publisher.

An editor or translator may improve a published article or city, but what
visitors read changes only when a publisher applies it (who must wait, and who
may apply or discard, is `portal.editorial.rules`' to say). `propose` keeps a
person's proposal (the change form's, the workbench's or an import's), the
fields that differ from the published record, one pending change per person
and record; `apply` writes it to the record (a new version); discarding
deletes it. A record awaits approval in a language while a pending change holds
one of its fields in that language (`awaiting`, `proposed`).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.models import PendingChange
from portal.editorial.qa_gate import mark_override
from portal.editorial.translation_state import suffix, text_fields
from portal.formatting.i18n import LANGUAGE_CODES


def hold(record, form, user, names=None):
    """Propose the form's values of `names` (by default the fields the form changed)
    for `record`, as `user`: `propose`."""
    proposal = {}
    for name in form.changed_data if names is None else names:
        field = model_field(record, name)
        if field is None:
            continue
        if field.many_to_many:
            proposal[name] = sorted(item.pk for item in form.cleaned_data[name])
        else:
            proposal[name] = stored_value(field, record)
    return propose(record, proposal, user)


def propose(record, proposal, user):
    """`user`'s proposal for `record` (`{field name: value as stored}`), waiting for a
    publisher: the pending change it leaves, or None when nothing differs from the
    published record.

    Every save and import comes here. The proposal replaces, field by field, what
    the same person proposed before (one change per author and record, a database
    constraint too); the change keeps only the fields that differ from the published
    record, and a change left with none is dropped.
    """
    author = user if user is not None and user.is_authenticated else None
    published = type(record)._base_manager.get(pk=record.pk)
    try:
        return _replace(record, published, proposal, author)
    except IntegrityError:
        # The same person's proposal for the record saved at the same moment: replace it.
        return _replace(record, published, proposal, author)


def _replace(record, published, proposal, author):
    with transaction.atomic():
        change = None
        if author is not None:
            change = _changes(record).select_for_update().filter(author=author).first()
        values = {**(change.values if change else {}), **proposal}
        values = {name: value for name, value in values.items() if _differs(published, name, value)}
        if not values:
            if change is not None:
                change.delete()
            return None
        if change is None:
            return PendingChange.objects.create(
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                author=author,
                values=values,
            )
        change.values, change.created_at = values, timezone.now()
        change.save(update_fields=["values", "created_at"])
        return change


def stored_value(field, record):
    """A field's value as a pending change stores it: text, None for no value."""
    if field.value_from_object(record) is None:
        return None
    return field.value_to_string(record)


def _differs(published, name, value):
    field = model_field(published, name)
    if field is None:
        return False
    if field.many_to_many:
        current = getattr(published, name).values_list("pk", flat=True)
        return sorted(value or []) != sorted(current)
    # A text field read as None and one posted empty are the same: no text.
    return (value or None) != (stored_value(field, published) or None)


def _changes(record):
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )


def pending_for(record):
    """The changes waiting for `record`, one per author, the latest last."""
    return _changes(record).select_related("author")


def proposed(record, language):
    """`{localized field name: value}`: the translation into `language` waiting for a
    publisher, the latest proposal last (several people may have proposed)."""
    names = {build_localized_fieldname(name, language) for name in text_fields(type(record))}
    values = {}
    for change in pending_for(record):
        values.update({name: value for name, value in change.values.items() if name in names})
    return values


def awaiting(model, language):
    """Whether a record of `model` awaits approval in `language`, as an expression for
    its querysets (`.annotate()`, `.filter()`): a pending change holds one of its
    fields in that language (`proposed`, for one record)."""
    names = _names(model, language)
    if not names:
        return Value(False)
    return Exists(
        PendingChange.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            values__has_any_keys=names,
        )
    )


def awaiting_ids(model, language):
    """The ids of `model`'s records awaiting approval in `language`, as a subquery
    (`pk__in`): the pending changes are few, the records many."""
    return PendingChange.objects.filter(
        _holding([model], language), content_type=ContentType.objects.get_for_model(model)
    ).values("object_id")


def _holding(models, language):
    holds = Q(pk__in=[])
    for model in models:
        if names := _names(model, language):
            holds |= Q(
                content_type=ContentType.objects.get_for_model(model),
                values__has_any_keys=names,
            )
    return holds


def awaiting_any(models, language):
    """`awaiting` for rows that name a record of any of `models` by `content_type` and
    `object_id` (the matrix's summaries), to annotate a page of them."""
    return Exists(
        PendingChange.objects.filter(
            _holding(models, language),
            content_type=OuterRef("content_type"),
            object_id=OuterRef("object_id"),
        )
    )


def awaiting_records(models, language):
    """The rows of `awaiting_any`, as a condition to filter a whole table by: the
    records the pending changes name, listed first (they are few) and then found by
    the rows' own index, rather than every row (100,000 summaries) probing the changes."""
    by_type = {}
    changes = PendingChange.objects.filter(_holding(models, language))
    for type_id, pk in changes.values_list("content_type_id", "object_id"):
        by_type.setdefault(type_id, set()).add(pk)
    condition = Q(pk__in=[])
    for type_id, pks in by_type.items():
        condition |= Q(content_type_id=type_id, object_id__in=sorted(pks))
    return condition


def _names(model, language):
    return [build_localized_fieldname(name, language) for name in text_fields(model)]


def with_awaiting(queryset):
    """`queryset` with `awaiting_<language>` on each record (`awaiting_zh_hans`)."""
    model = queryset.model
    return queryset.annotate(
        **{f"awaiting_{suffix(code)}": awaiting(model, code) for code in LANGUAGE_CODES}
    )


def is_awaiting(record, language):
    """For a record loaded `with_awaiting`."""
    return getattr(record, f"awaiting_{suffix(language)}", False)


def apply(change, record, user, reason="", over=()):
    """Write the pending values to the record: a new version, by the publisher, with
    `reason` (why it is applied over a QA error in the localized fields `over`) in the
    version's change reason.

    Validated as a form would be (the record may have changed since the values
    were submitted: a slug taken meanwhile, a related record deleted): on a
    `ValidationError` nothing is written and the pending change stays.
    """
    many = {}
    errors = {}
    for name, value in change.values.items():
        field = model_field(record, name)
        if field is None:
            continue
        try:
            if field.many_to_many:
                many[name] = _existing(field, value)
            else:
                setattr(record, field.attname, field.to_python(value))
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    record.full_clean()
    author = change.author or _("someone")
    if reason:
        text = _("Applied changes by %(author)s over QA errors: %(reason)s")
        mark_override(record, over, text % {"author": author, "reason": reason})
    else:
        record._change_reason = _("Applied changes by %(author)s") % {"author": author}
    record._history_user = user
    with transaction.atomic():
        record.save()
        for name, pks in many.items():
            getattr(record, name).set(pks)
        change.delete()


def _existing(field, pks):
    """The chosen records of a many-to-many field, refused if one is gone."""
    found = set(field.related_model.objects.filter(pk__in=pks).values_list("pk", flat=True))
    if found != set(pks):
        raise ValidationError(_("A record chosen here has been deleted since."))
    return pks


def refusal(error, record):
    """What a publisher reads when a pending change cannot be applied: field by field."""
    lines = []
    for name, messages in error.message_dict.items():
        field = model_field(record, name)
        label = field.verbose_name if field is not None else ""
        lines += [f"{label}: {message}" if label else message for message in messages]
    return _(
        "These changes cannot be applied as they are: %(problems)s. Correct the record "
        "itself, or discard the pending change."
    ) % {"problems": "; ".join(lines)}


def model_field(record, name):
    try:
        field = record._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "editable", False) else None
