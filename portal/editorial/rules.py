"""Who may do what: every "may this user …" question of the editorial workflow.

The answers come from three permissions per model, held through the roles
(`portal.editorial.roles`):

- `<app>.change_<model>` (editors, publishers): every field of a record, its
  structure (slugs, dates, numbers such as a city's population, relations,
  pictures) as well as its text;
- `<app>.translate_<model>` (translators): the translated text only; the
  other fields are read-only for them, whatever a request posts;
- `<app>.publish_<model>` (publishers): publish, schedule, withdraw, choose
  to publish in the original language only, restore
  old versions, and change a published record directly. Anyone else's
  change to a published record waits as a pending change (`must_wait`), and
  so does anyone else's change to a country or a category, whose names are
  live on every page that shows them.
  Holding `publish_` of any model, like being a superuser, also means signing
  in with a second factor (`must_use_two_factor`).

The admin's forms and inlines, pending changes, versions, the translation
queue, the front page and the staff preview all ask these functions; no other
module reads a permission.
"""

from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField

from portal.editorial.models import Status
from portal.editorial.translation_state import text_fields

EDITOR_TRANSITIONS = {(Status.DRAFT, Status.REVIEW), (Status.REVIEW, Status.DRAFT)}

ONLY_PUBLISHERS = _(
    "Only publishers may publish, schedule or withdraw. Submit it for review instead."
)


def perm_name(model, action):
    """The permission's full name ("news.publish_article")."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_publish(user, model):
    return user.has_perm(perm_name(model, "publish"))


def can_edit_structure(user, model):
    """Every field, not only the translated text: editors and publishers."""
    return user.has_perm(perm_name(model, "change"))


def can_translate(user, model):
    """The translated text of a record: translators, and whoever edits every field."""
    return user.has_perm(perm_name(model, "translate")) or can_edit_structure(user, model)


def structure_fields(model):
    """A record's fields other than its translated text (slugs, dates, numbers, relations)."""
    originals = set(text_fields(model))
    return [
        field.name
        for field in [*model._meta.fields, *model._meta.many_to_many]
        if field.editable
        and not field.auto_created
        and not isinstance(field, TranslationField)
        and field.name not in originals
    ]


def readonly_fields(user, model):
    """The fields `user` may not change on a record of `model`: a translator's every
    structure field (a city's population, say), and the publication time for all but
    publishers."""
    readonly = [] if can_edit_structure(user, model) else structure_fields(model)
    if not can_publish(user, model) and hasattr(model, "published_at"):
        readonly += ["published_at", "original_only"]
    return list(dict.fromkeys(readonly))


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


def must_wait(user, record):
    """True when `user`'s save of `record` waits for a publisher: they may not publish
    it, and it is live. A record with a state is live when published (as stored,
    whatever the form says); reference data without one (a country, a category)
    always is, since its names print on published pages at once."""
    model = type(record)
    if record.pk is None or can_publish(user, model):
        return False
    if not hasattr(model, "status"):
        return True
    saved = model.objects.filter(pk=record.pk).values_list("status", flat=True).first()
    return saved == Status.PUBLISHED


def can_apply_pending(user, model):
    return can_publish(user, model)


def can_discard_pending(user, model, change):
    """A publisher, or the change's own author, may drop a pending change."""
    return can_publish(user, model) or change.author_id == user.pk


def locked_for(user, parent):
    """A published record's dependants (its exchanges, its pictures) change only by
    its publishers: pending changes hold a record's own fields, not its dependants."""
    return (
        parent is not None
        and getattr(parent, "status", None) == Status.PUBLISHED
        and not can_publish(user, type(parent))
    )


def can_use_translation_queue(user, models):
    return any(can_translate(user, model) for model in models)


def can_preview(user, model):
    """Staff who may view a record in the admin may preview it on the public page,
    once signed in as fully as the back office asks (a second factor where it must)."""
    return (
        user.is_authenticated
        and user.is_staff
        and user.has_perm(perm_name(model, "view"))
        and (not must_use_two_factor(user) or _verified(user))
    )


def _verified(user):
    """django-otp marks a request's user verified after the second step; a user
    that no request marked (no OTP middleware ran) is not."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def _publishes_anything(user):
    return user.is_superuser or any(
        permission.partition(".")[2].startswith("publish_")
        for permission in user.get_all_permissions()
    )


def can_publish_any(user):
    """Whether `user` publishes some kind of record (a publisher, a superuser)."""
    return user.is_active and _publishes_anything(user)


def must_use_two_factor(user):
    """Superusers and whoever may publish sign in with a second factor (portal.twofactor);
    other staff may choose to."""
    return _publishes_anything(user)


def can_run_self_check(user):
    """The site's self-check (portal.selfcheck) is for who answers for the whole site:
    publishers and superusers."""
    return user.is_active and user.is_staff and _publishes_anything(user)


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


def can_exchange_memory(user):
    """The translation memory is exported and imported (TMX) by publishers and
    superusers: what it holds is offered to every translator as approved."""
    return user.is_active and user.is_staff and _publishes_anything(user)
