from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from office.models import GuideForm, OfficePage, ReportRow, ServiceGuide, WebsiteReport


@register(OfficePage)
class OfficePageTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "body",
        "responsibilities",
        "short_history",
        "leadership",
        "sources",
    )


@register(ServiceGuide)
class ServiceGuideTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "eligibility",
        "materials",
        "steps",
        "processing_time",
        "fees",
        "legal_basis",
        "location",
        "hours",
        "contact",
    )


@register(WebsiteReport)
class WebsiteReportTranslation(TranslationOptions):
    fields = ("note",)


@register(ReportRow)
class ReportRowTranslation(TranslationOptions):
    fields = ("item", "value")


@register(GuideForm)
class GuideFormTranslation(TranslationOptions):
    fields = ("title",)


# Versions: registered here, after the translated fields exist, so that every
# version keeps both languages.
keep_history(OfficePage)
keep_history(ServiceGuide)
keep_history(WebsiteReport)
