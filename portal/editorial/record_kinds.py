"""The kinds of record with translated text, and how a part belongs to its record.

Translatable records (articles, cities, office pages…) and their parts (a city's
exchanges and photos, an article's lead image: rows with a CASCADE foreign key to
one), found through modeltranslation's registry, not imported. The summaries, the
matrix, the memory and the XLIFF exchange all cover these.
"""

from django.db import models
from modeltranslation.translator import translator

from portal.editorial.models import Status, Translatable


def owner_field(model):
    """The foreign key by which a part belongs to a translated record, or None."""
    for model_field in model._meta.fields:
        related = model_field.related_model
        owned = model_field.many_to_one or model_field.one_to_one
        if (
            owned
            and related is not None
            and issubclass(related, Translatable)
            and model_field.remote_field.on_delete is models.CASCADE
        ):
            return model_field
    return None


def kinds():
    """Every model with translated text: translatable records and their parts."""
    found = []
    for model in translator.get_registered_models():
        if model._meta.abstract:
            continue
        if issubclass(model, Translatable) or owner_field(model) is not None:
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label_lower)


def is_public(record, owner):
    """Whether `record` is published: by its own status, or a part (`owner`, its
    `owner_field`) by its owner's; a record with neither is public."""
    if hasattr(record, "status"):
        return record.status == Status.PUBLISHED
    parent = getattr(record, owner.name) if owner is not None else None
    if parent is not None and hasattr(parent, "status"):
        return parent.status == Status.PUBLISHED
    return True
