"""A visitor's report of a problem with a page, and how long it is kept."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PAGE_MAX = 500
DESCRIPTION_MAX = 2000
CONTACT_MAX = 200
REPLY_MAX = 4000


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class ProblemReportQuerySet(models.QuerySet):
    def past_retention(self, now=None):
        """Reports older than `REPORT_RETENTION_DAYS`."""
        now = now or timezone.now()
        limit = now - datetime.timedelta(days=settings.REPORT_RETENTION_DAYS)
        return self.filter(created_at__lt=limit)

    def prune(self, now=None):
        """What retention allows no longer: an old report loses the visitor's contact,
        and an old one that was answered or closed goes. Returns `(erased, deleted)`."""
        old = self.past_retention(now)
        deleted, _by_model = old.filter(status__in=[Status.ANSWERED, Status.CLOSED]).delete()
        erased = old.exclude(contact="").update(contact="")
        return erased, deleted


class ProblemReport(models.Model):
    """What a visitor says is wrong with a page, and the office's answer."""

    page = models.CharField(
        _("page"), max_length=PAGE_MAX, help_text=_("The page's address on this site.")
    )
    description = models.TextField(_("what is wrong"), max_length=DESCRIPTION_MAX)
    contact = models.CharField(
        _("contact"),
        max_length=CONTACT_MAX,
        blank=True,
        help_text=_("Erased once the report is older than the retention period."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    reply = models.TextField(
        _("reply"),
        max_length=REPLY_MAX,
        blank=True,
        help_text=_("The office's answer, sent to the contact given (if any)."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.ANSWERED) | ~models.Q(reply=""),
                name="problems_answered_has_reply",
                violation_error_message=_("An answered report needs its reply."),
            ),
        ]

    def __str__(self):
        return f"{self.page} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.status == Status.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.status == Status.ANSWERED and not self.reply.strip():
            raise ValidationError({"reply": _("An answered report needs its reply.")})
