from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from office.models import GuideForm, OfficePage, ReportRow, ServiceGuide, WebsiteReport
from portal.editorial.admin import (
    PUBLICATION_FIELDSET,
    PublishableAdmin,
    TranslatableStackedInline,
)


@admin.register(OfficePage)
class OfficePageAdmin(PublishableAdmin):
    list_display = ("title", "kind", "status", "published_at")
    list_filter = ("status", "kind")
    search_fields = ("title_zh_hans", "title_en")
    fieldsets = (
        (None, {"fields": ("kind", "title", "summary", "body")}),
        (
            _("About the office"),
            {"fields": ("responsibilities", "short_history", "leadership", "sources")},
        ),
        PUBLICATION_FIELDSET,
    )


class GuideFormInline(TranslatableStackedInline):
    model = GuideForm
    extra = 0
    fields = ("title", "file", "position")


@admin.register(ServiceGuide)
class ServiceGuideAdmin(PublishableAdmin):
    list_display = ("title", "slug", "status", "last_checked", "position")
    list_filter = ("status", "last_checked")
    search_fields = ("title_zh_hans", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = (GuideFormInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "position")}),
        (
            _("The service"),
            {
                "fields": (
                    "eligibility",
                    "materials",
                    "steps",
                    "processing_time",
                    "fees",
                    "legal_basis",
                )
            },
        ),
        (_("Where and when"), {"fields": ("location", "hours", "contact", "last_checked")}),
        PUBLICATION_FIELDSET,
    )


class ReportRowInline(TranslatableStackedInline):
    model = ReportRow
    extra = 0
    fields = ("position", "item", "value")


@admin.register(WebsiteReport)
class WebsiteReportAdmin(PublishableAdmin):
    list_display = ("year", "status", "published_at")
    list_filter = ("status",)
    inlines = (ReportRowInline,)
    fieldsets = ((None, {"fields": ("year", "note")}), PUBLICATION_FIELDSET)
