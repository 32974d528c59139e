"""Behaviour shared by cities and news: publication, timestamps, translation.

The visibility rule is written once, here (`PublishableQuerySet.published`),
and every view, feed, sitemap and search asks it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What a visitor may see now: published, and its time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())


class Publishable(models.Model):
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Left blank, it is set when the record is published. A future time schedules it."
        ),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_time",
                violation_error_message=_("A published record needs a publication time."),
            ),
        ]

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_live(self):
        """True when a visitor may see this record now."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Translatable(models.Model):
    """A record written in one language and translated into the other.

    `required_translations` names the translated fields the original language
    must fill; the other language may lag behind and falls back meanwhile.
    """

    required_translations = ()

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language this record was written in; the other is its translation."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        for name in self.required_translations:
            localized = build_localized_fieldname(name, self.original_language)
            if not getattr(self, localized, None):
                errors[localized] = _("Required in the original language.")
        if errors:
            raise ValidationError(errors)
