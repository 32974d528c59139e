"""An XLIFF import run off the request (`portal.editorial.xliff_jobs`): the file, who
uploaded it, how far the check has come, and what the import did."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class XliffImport(models.Model):
    class Phase(models.TextChoices):
        QUEUED = "queued", _("Waiting for the job worker")
        CHECKING = "checking", _("Checking the units")
        SAVING = "saving", _("Saving, in one transaction")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed: nothing was saved")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(_("file"), max_length=255)
    # The uploader's interface language, in which the report is written.
    language = models.CharField(max_length=16)
    # The file itself, until the job is done.
    data = models.BinaryField(editable=False)
    # A publisher's reason for importing over QA errors (`xliff_import.import_file`).
    qa_reason = models.TextField(_("reason for importing over QA errors"), blank=True)
    units = models.PositiveIntegerField(_("units"), default=0)
    checked = models.PositiveIntegerField(_("units checked"), default=0)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.QUEUED)
    report = models.JSONField(default=list)  # the report's lines
    refused = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("XLIFF import")
        verbose_name_plural = _("XLIFF imports")

    def __str__(self):
        return f"{self.filename} ({self.get_phase_display()})"

    def get_absolute_url(self):
        return reverse("xliff_import_job", args=[self.pk])

    @property
    def finished(self):
        return self.phase in (self.Phase.DONE, self.Phase.FAILED)

    @property
    def percent(self):
        return 100 * self.checked // self.units if self.units else 0
