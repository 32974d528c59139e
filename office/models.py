"""The office's pages, its service guides and its yearly website reports."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from office.fields import PdfField
from portal.editorial.models import Publishable, PublishableQuerySet, Timestamped, Translatable
from portal.editorial.translation_state import refresh_states
from portal.formatting.i18n import slug_address
from portal.formatting.richtext import RichTextField

ONE_PER_LINE = _("One item per line.")


class PageKind(models.TextChoices):
    ABOUT = "about", _("About the office")
    CONTACT = "contact", _("Contact")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")


PAGE_URLS = {
    PageKind.ABOUT: "office:about",
    PageKind.CONTACT: "office:contact",
    PageKind.ACCESSIBILITY: "office:accessibility",
}


class OfficePage(Publishable, Translatable, Timestamped):
    """One of the office's own pages; there is at most one of each kind."""

    kind = models.CharField(_("kind"), max_length=20, choices=PageKind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    body = RichTextField(_("text"))
    responsibilities = models.TextField(_("responsibilities"), blank=True, help_text=ONE_PER_LINE)
    short_history = models.TextField(_("short history"), blank=True)
    leadership = models.TextField(
        _("leadership"), blank=True, help_text=_("Optional. One person per line, with the post.")
    )
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Where the facts on this page come from.")
    )

    objects = PublishableQuerySet.as_manager()

    required_translations = ("title",)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("office page")
        verbose_name_plural = _("office pages")
        constraints = [*Publishable.Meta.constraints]
        permissions = [
            ("publish_officepage", _("Can publish, schedule and withdraw office pages")),
            ("translate_officepage", _("Can translate office pages")),
        ]

    def __str__(self):
        return self.title or self.get_kind_display()

    def get_absolute_url(self):
        return reverse(PAGE_URLS[self.kind])


class ServiceGuide(Publishable, Translatable, Timestamped):
    """A service guide (办事指南): how to obtain one thing the office issues."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The guide's web address, in ASCII letters, digits and hyphens."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("What the service is."))
    eligibility = models.TextField(_("who may apply"), blank=True)
    materials = models.TextField(_("what to bring"), blank=True, help_text=ONE_PER_LINE)
    steps = models.TextField(_("steps"), blank=True, help_text=ONE_PER_LINE)
    processing_time = models.CharField(_("processing time"), max_length=200, blank=True)
    fees = models.CharField(_("fees"), max_length=200, blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True, help_text=ONE_PER_LINE)
    location = models.TextField(_("where to go"), blank=True)
    hours = models.CharField(_("when to go"), max_length=200, blank=True)
    contact = models.CharField(_("enquiries"), max_length=200, blank=True)
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("The day staff last checked this guide against the rules in force."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the list.")
    )

    objects = PublishableQuerySet.as_manager()

    required_translations = ("title",)
    # A form offered for download is part of the guide: a title not yet translated
    # keeps the translation incomplete.
    translated_parts = ("forms",)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("service guide")
        verbose_name_plural = _("service guides")
        constraints = [*Publishable.Meta.constraints]
        permissions = [
            ("publish_serviceguide", _("Can publish, schedule and withdraw service guides")),
            ("translate_serviceguide", _("Can translate service guides")),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return slug_address("office:guide", self.slug)


class WebsiteReport(Publishable, Translatable, Timestamped):
    """The yearly website report (政府网站工作年度报表): one table per year."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    note = models.TextField(_("note"), blank=True)

    objects = PublishableQuerySet.as_manager()

    # The table is the report: a row not yet translated keeps the translation incomplete.
    translated_parts = ("rows",)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("yearly website report")
        verbose_name_plural = _("yearly website reports")
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="office_websitereport_year_range",
                violation_error_message=_("The year must lie between 2000 and 2100."),
            ),
        ]
        permissions = [
            ("publish_websitereport", _("Can publish, schedule and withdraw website reports")),
            ("translate_websitereport", _("Can translate website reports")),
        ]

    def __str__(self):
        return str(self.year)

    @property
    def slug(self):
        # The report's address is its year (sitemaps and links fill in a slug).
        return str(self.year)

    def get_absolute_url(self):
        return slug_address("office:report", self.slug)


class ReportRow(models.Model):
    """One line of a yearly report's table: an item and its value."""

    report = models.ForeignKey(
        WebsiteReport, on_delete=models.CASCADE, related_name="rows", verbose_name=_("report")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    item = models.CharField(_("item"), max_length=200)
    value = models.CharField(_("value"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("table row")
        verbose_name_plural = _("table rows")
        permissions = [("translate_reportrow", _("Can translate the rows of website reports"))]

    def __str__(self):
        return self.item


class GuideForm(models.Model):
    """A form a service guide offers for download: a PDF checked and cleaned on upload."""

    guide = models.ForeignKey(
        ServiceGuide, on_delete=models.CASCADE, related_name="forms", verbose_name=_("guide")
    )
    title = models.CharField(_("title"), max_length=200)
    file = PdfField(_("PDF file"), help_text=_("A PDF of at most 20 MB, without scripts."))
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("form")
        verbose_name_plural = _("forms")
        permissions = [("translate_guideform", _("Can translate the titles of forms"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        replaced = (
            GuideForm.objects.filter(pk=self.pk).exclude(file=self.file.name).first()
            if self.pk
            else None
        )
        # The size of a new or replaced file; a save that keeps the file (a title
        # translated) keeps its size without asking the storage.
        if self.file and (self.pk is None or replaced is not None or not self.size):
            self.size = self.file.size
        super().save(*args, **kwargs)
        if replaced is not None:
            replaced.file.delete(save=False)

    def get_absolute_url(self):
        return reverse("office:form", args=[self.pk])


def delete_form_file(sender, instance, **kwargs):
    """After a form is deleted (itself, or with its guide): its file goes too."""
    if instance.file:
        instance.file.delete(save=False)


def _refresh_states_of(model, pk):
    record = model.objects.filter(pk=pk).first()
    if record is not None:  # gone with it, when the part went in a cascade
        refresh_states(record)


def refresh_report_states(sender, instance, **kwargs):
    """After a table row is saved or deleted: its report's translation states again
    (rows are saved after their report, in the admin and the workbench alike)."""
    _refresh_states_of(WebsiteReport, instance.report_id)


def refresh_guide_states(sender, instance, **kwargs):
    """After a form is saved or deleted: its guide's translation states again (forms,
    like a report's rows, are saved after their guide)."""
    _refresh_states_of(ServiceGuide, instance.guide_id)
