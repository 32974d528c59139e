"""Who may do what to a record: the editorial workflow's rules, in one place.

- Publishers (and superusers) hold `<app>.publish_<model>`: they publish,
  schedule, withdraw and move a record to any state.
- Editors may create records (`add_<model>`), so they edit every field; of the
  states they only move a record between draft and review.
- Translators may change but not create: they edit translated text only,
  never slugs, dates, numbers, state or relations.

The admin calls these; the rules hold whatever a request sends, not only for
what the form shows.
"""

from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext_lazy as _

from portal.editorial.models import Status

EDITOR_TRANSITIONS = {(Status.DRAFT, Status.REVIEW), (Status.REVIEW, Status.DRAFT)}

ONLY_PUBLISHERS = _(
    "Only publishers may publish, schedule or withdraw. Submit it for review instead."
)


def _perm(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_publish(user, model):
    return user.has_perm(_perm(model, "publish"))


def can_edit_structure(user, model):
    """Those who may create a record may edit all its fields; the rest edit its text."""
    return user.has_perm(_perm(model, "add"))


def can_restore(user, model):
    """Publishers restore what they publish; elsewhere, those who may edit every field."""
    if any(codename.startswith("publish_") for codename, _label in model._meta.permissions):
        return can_publish(user, model)
    return can_edit_structure(user, model)


def transition_error(user, model, old, new):
    """Why `user` may not move a record of `model` from state `old` to `new`, or None."""
    if old == new or can_publish(user, model):
        return None
    if can_edit_structure(user, model) and (old, new) in EDITOR_TRANSITIONS:
        return None
    return ONLY_PUBLISHERS


def can_preview(user, model):
    """Staff who may view a record in the admin may preview it on the public page."""
    return user.is_authenticated and user.is_staff and user.has_perm(_perm(model, "view"))


def visible(model, user):
    """What `user` may open at a record's public address: published ones, or all for staff."""
    return model.objects.all() if can_preview(user, model) else model.objects.published()


def workflow_change_reason(record):
    """How a version's state is described in its history: "Published", "Scheduled for …"."""
    scheduled = record.published_at and record.published_at > timezone.now()
    if record.status == Status.PUBLISHED and scheduled:
        when = localize(timezone.localtime(record.published_at))
        return str(_("Scheduled for %(when)s")) % {"when": when}
    return str(Status(record.status).label)
