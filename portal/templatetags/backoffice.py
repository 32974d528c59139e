"""The admin front page: what waits for the signed-in person, by role."""

from django import template
from django.urls import reverse
from django.utils import timezone

from cities.anniversaries import upcoming
from cities.models import City
from news.models import Article
from portal.editorial.admin import STATE_LABELS
from portal.editorial.editions import language_name as name_of_language
from portal.editorial.models import PendingChange, Status
from portal.editorial.rules import (
    can_edit_structure,
    can_publish,
    can_run_self_check,
    can_use_translation_queue,
)
from portal.editorial.translation_queue import queue, translatable_models
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS

register = template.Library()
SHOWN = 8
ANNIVERSARY_DAYS = 120


def _records(user, check, order="updated_at", **filters):
    found = []
    for model in (Article, City):
        if check(user, model):
            found += list(model.objects.filter(**filters).order_by(order, "pk")[:SHOWN])
    return sorted(found, key=lambda record: (getattr(record, order), record.pk))[:SHOWN]


@register.simple_tag
def waiting_for(user):
    """Lists for this person's roles: review and schedule, translation, own drafts."""
    now = timezone.now()
    work = {}
    if any(can_publish(user, model) for model in (Article, City)):
        work["in_review"] = _records(user, can_publish, status=Status.REVIEW)
        work["pending"] = [
            change
            for change in PendingChange.objects.select_related("author", "content_type")[:SHOWN]
            if change.record is not None
        ]
        # The next to go live first, read from the index of what is published by time.
        work["scheduled"] = _records(
            user, can_publish, "published_at", status=Status.PUBLISHED, published_at__gt=now
        )
    if any(can_edit_structure(user, model) for model in (Article, City)):
        drafts = _records(user, can_edit_structure, status=Status.DRAFT, created_by=user)
        returned = _returned_from_review(drafts)
        work["came_back"] = [record for record in drafts if record.pk in returned[type(record)]]
        work["drafts"] = [record for record in drafts if record.pk not in returned[type(record)]]
    if can_use_translation_queue(user, translatable_models()) and not any(
        can_edit_structure(user, model) for model in (Article, City)
    ):
        work["translation"] = [
            (code, LANGUAGE_LABELS[code], queue(code, limit=SHOWN)) for code in LANGUAGE_CODES
        ]
    return work


def _returned_from_review(drafts):
    """Per model, the ids of drafts that were once in review: sent back to their author."""
    returned = {Article: set(), City: set()}
    for model in returned:
        ids = [record.pk for record in drafts if isinstance(record, model)]
        if ids:
            reviewed = model.history.filter(id__in=ids, status=Status.REVIEW)
            returned[model] = set(reviewed.values_list("id", flat=True))
    return returned


@register.simple_tag
def upcoming_anniversaries(user):
    """The next 120 days' round anniversaries, for staff who may see cities; else None."""
    if not user.has_perm("cities.view_city"):
        return None
    return upcoming(timezone.localdate(), days=ANNIVERSARY_DAYS)


@register.filter
def admin_change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@register.filter
def verbose_name(record):
    return record._meta.verbose_name


@register.filter
def state_label(state):
    return STATE_LABELS.get(state, state)


@register.filter
def may_run_self_check(user):
    return can_run_self_check(user)


@register.filter
def language_name(code):
    """ "Chinese" / "中文": a language as the admin names it (`editions.language_name`)."""
    return name_of_language(code)
