"""The `portal` app's models: the office that publishes the site, and (imported
here so that Django finds them) the shared editorial (pending changes, official
names), search and cache tables."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.caching.models import SiteRevision
from portal.editorial.glossary import Term
from portal.editorial.glossary_refresh import SummaryRefresh
from portal.editorial.import_jobs import XliffImport
from portal.editorial.memory_models import MemoryEntry, MemoryGram, MemoryGramCount
from portal.editorial.models import PendingChange, Timestamped, Translatable
from portal.editorial.summaries import TranslationSummary
from portal.pictures.models import Picture
from portal.search.models import SearchEntry

__all__ = [
    "GovernmentMark",
    "MemoryEntry",
    "MemoryGram",
    "MemoryGramCount",
    "Office",
    "PendingChange",
    "SearchEntry",
    "SecurityMark",
    "SiteRevision",
    "StandardMap",
    "SummaryRefresh",
    "Term",
    "TranslationSummary",
    "XliffImport",
]

ICP_REGISTER = "https://beian.miit.gov.cn/"
# The public-security filing system's search page, which finds a site by its record
# code (the number's 14 digits).
SECURITY_REGISTER = "https://beian.mps.gov.cn/#/query/webSearch?code={}"
# What an inspection asks of every page's footer (政府网站发展指引, 国办发〔2017〕47号:
# 页面底部功能区), said once for the admin's help texts.
INSPECTED = _("An inspection requires it in every page's footer.")
SITE_CODE = RegexValidator(
    r"\A[0-9A-Za-z]{10}\Z",
    _("Ten letters and digits, as the code was issued (for example 2101000001)."),
)
ICP_NUMBER = RegexValidator(
    r"\A[\u4e00-\u9fff]ICP备[0-9]{6,12}号(-[0-9]{1,3})?\Z",
    _("Write the number as registered, for example 辽ICP备05000000号 or 辽ICP备05000000号-1."),
)
SECURITY_NUMBER = RegexValidator(
    r"\A[\u4e00-\u9fff]公网安备 ?[0-9]{14}号\Z",
    _(
        "Write the number as registered, with its 14 digits, for example "
        "辽公网安备 21010202000000号."
    ),
)
# 审图号 as the map services print them: GS(2024)0650号, GS京(2022)1061号, 辽S(2021)012号.
APPROVAL_NUMBER = r"\A(GS[\u4e00-\u9fff]?|[\u4e00-\u9fff]S)[(（][0-9]{4}[)）][0-9]{1,5}号\Z"


class Office(Translatable, Timestamped):
    """The Foreign Affairs Office that publishes the portal: header and footer text.

    There is one; the admin edits it, and pages read it through the cache
    (`portal.context_processors.site`), which a save clears. What an inspection
    requires of it and is not set: `portal.identity.missing_identity_items`.
    """

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Shown in the header on phones.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True, help_text=INSPECTED)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True, help_text=INSPECTED)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)

    parent_organisation = models.CharField(
        _("parent organisation"),
        max_length=200,
        blank=True,
        help_text=_(
            "上级机关: the government the office belongs to (沈阳市人民政府). Named in the "
            "page data search engines read."
        ),
    )
    # The conventions of a Chinese government website (国办发〔2017〕47号), in the footer.
    organiser = models.CharField(
        _("organiser"),
        max_length=200,
        blank=True,
        help_text=_("主办单位: the body responsible for the site. An inspection requires it."),
    )
    operator = models.CharField(
        _("operator"),
        max_length=200,
        blank=True,
        help_text=_(
            "承办单位: the unit that runs the site for the organiser. Optional: set it only "
            "when another unit runs the site."
        ),
    )
    site_code = models.CharField(
        _("site identifier code"),
        max_length=10,
        blank=True,
        validators=[SITE_CODE],
        help_text=_(
            "网站标识码: ten characters, issued when the site was registered. An inspection "
            "requires it; with it, the Chinese error-report link goes to the national "
            "platform."
        ),
    )
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=60,
        blank=True,
        validators=[ICP_NUMBER],
        help_text=_(
            "ICP备案号, as registered (for example 辽ICP备05000000号). An inspection "
            "requires it; it links to the MIIT filing site."
        ),
    )
    security_number = models.CharField(
        _("public-security filing number"),
        max_length=60,
        blank=True,
        validators=[SECURITY_NUMBER],
        help_text=_(
            "公安机关备案号, as registered (for example 辽公网安备 21010202000000号). An "
            "inspection requires it; it links to the public-security filing site."
        ),
    )
    government_mark_url = models.URLField(
        _("address the Party and government website mark links to"),
        blank=True,
        help_text=_(
            "The mark's verification page, as issued with the mark. An inspection requires "
            "the mark (uploaded below) and its link."
        ),
    )

    required_translations = ("name",)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("office")
        verbose_name_plural = _("office")
        permissions = [("translate_office", _("Can translate the office"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(site_code="") | models.Q(site_code__regex=r"^[0-9A-Za-z]{10}$"),
                name="portal_office_site_code_format",
                violation_error_message=SITE_CODE.message,
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def security_digits(self):
        """The record code the register is searched by: the number's digits."""
        return "".join(re.findall(r"[0-9]", self.security_number))

    @property
    def security_register_url(self):
        return SECURITY_REGISTER.format(self.security_digits)

    @property
    def icp_register_url(self):
        return ICP_REGISTER


class GovernmentMark(Picture):
    """The Party and government website mark (党政机关网站标识) the office was issued."""

    office = models.OneToOneField(
        Office,
        on_delete=models.CASCADE,
        related_name="government_mark",
        verbose_name=_("office"),
    )

    class Meta:
        verbose_name = _("Party and government website mark")
        verbose_name_plural = _("Party and government website mark")
        permissions = [("translate_governmentmark", _("Can translate the mark's texts"))]

    def __str__(self):
        return str(self._meta.verbose_name)


class SecurityMark(Picture):
    """The public-security filing mark, as the filing system provides it."""

    office = models.OneToOneField(
        Office,
        on_delete=models.CASCADE,
        related_name="security_mark",
        verbose_name=_("office"),
    )

    class Meta:
        verbose_name = _("public-security filing mark")
        verbose_name_plural = _("public-security filing mark")
        permissions = [("translate_securitymark", _("Can translate the mark's texts"))]

    def __str__(self):
        return str(self._meta.verbose_name)


class StandardMap(Picture):
    """An approved standard map (标准地图) the office took from the standard map
    service, shown with its approval number (审图号) wherever the site would show
    land or borders: without one, no page draws either (`cities.diagram`)."""

    office = models.OneToOneField(
        Office,
        on_delete=models.CASCADE,
        related_name="standard_map",
        verbose_name=_("office"),
    )
    approval_number = models.CharField(
        _("map approval number"),
        max_length=40,
        blank=True,
        help_text=_(
            "审图号, exactly as printed on the map (for example GS(2024)0650号). "
            "Download the map from the standard map service, bzdt.ch.mnr.gov.cn, "
            "and do not edit it."
        ),
    )

    class Meta:
        verbose_name = _("standard map")
        verbose_name_plural = _("standard map")
        permissions = [("translate_standardmap", _("Can translate the standard map's texts"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(approval_number=""),
                name="portal_standardmap_approval_number",
                violation_error_message=_(
                    "A standard map is shown only with its approval number (审图号)."
                ),
            )
        ]

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        number = self.approval_number.strip()
        if not number:
            raise ValidationError(
                {
                    "approval_number": _(
                        "A standard map is shown only with its approval number (审图号)."
                    )
                }
            )
        if not re.match(APPROVAL_NUMBER, number):
            raise ValidationError(
                {
                    "approval_number": _(
                        "Type the approval number as the map prints it, for example GS(2024)0650号."
                    )
                }
            )
        self.approval_number = number
