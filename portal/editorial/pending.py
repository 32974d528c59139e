"""Changes to published records wait for a publisher.

An editor or translator may improve a published article or city, but what
visitors read changes only when a publisher applies it (who must wait, and who
may apply or discard, is `portal.editorial.rules`' to say). `hold` stores the
submitted values of the changed fields; `apply` writes them to the record (a
new version), `discard` drops them.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
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
    """Write the pending values to the record: a new version, by the publisher."""
    many = {}
    for name, value in change.values.items():
        field = _model_field(record, name)
        if field is None:
            continue
        if field.many_to_many:
            many[name] = value
        else:
            setattr(record, field.attname, field.to_python(value))
    author = change.author or _("someone")
    record._change_reason = _("Applied changes by %(author)s") % {"author": author}
    record._history_user = user
    record.save()
    for name, pks in many.items():
        getattr(record, name).set(pks)
    change.delete()


def _model_field(record, name):
    try:
        field = record._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "editable", False) else None
