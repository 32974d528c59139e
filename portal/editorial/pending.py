"""Changes to published records wait for a publisher.

An editor or translator may improve a published article or city, but what
visitors read changes only when a publisher applies it (who must wait, and who
may apply or discard, is `portal.editorial.rules`' to say). `hold` stores the
submitted values of the changed fields; `apply` writes them to the record (a
new version), `discard` drops them.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.editorial.models import PendingChange
from portal.formatting.diffs import word_diff
from portal.formatting.richtext import plain_text


def hold(record, form, user):
    """Store the form's changed fields for `record` as a pending change."""
    values = {}
    for name in form.changed_data:
        field = _model_field(record, name)
        if field is None:
            continue
        if field.many_to_many:
            values[name] = [item.pk for item in form.cleaned_data[name]]
        else:
            values[name] = field.value_to_string(record)
    return PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        author=user,
        values=values,
    )


def pending_for(record):
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("author")


def differences(change, record):
    """`[(label, current html, proposed html)]` for a pending change."""
    rows = []
    for name, value in change.values.items():
        field = _model_field(record, name)
        if field is None:
            continue
        if field.many_to_many:
            current = ", ".join(str(item) for item in getattr(record, name).all())
            chosen = field.related_model.objects.filter(pk__in=value)
            proposed = ", ".join(str(item) for item in chosen)
        else:
            current = field.value_to_string(record)
            proposed = value
        rows.append((field.verbose_name, *word_diff(plain_text(current), plain_text(proposed))))
    return rows


def apply(change, record, user):
    """Write the pending values to the record: a new version, by the publisher.

    Validated as a form would be (the record may have changed since the values
    were submitted: a slug taken meanwhile, a related record deleted): on a
    `ValidationError` nothing is written and the pending change stays.
    """
    many = {}
    errors = {}
    for name, value in change.values.items():
        field = _model_field(record, name)
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
        field = _model_field(record, name)
        label = field.verbose_name if field is not None else ""
        lines += [f"{label}: {message}" if label else message for message in messages]
    return _(
        "These changes cannot be applied as they are: %(problems)s. Correct the record "
        "itself, or discard the pending change."
    ) % {"problems": "; ".join(lines)}


def _model_field(record, name):
    try:
        field = record._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "editable", False) else None
