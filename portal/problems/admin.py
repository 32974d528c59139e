"""Staff read the reports and answer them; nobody adds one here (visitors do)."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.problems.models import ProblemReport


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "page_link", "status", "answered_at", "language")
    list_filter = ("status", "language", "created_at")
    search_fields = ("page", "description", "reply")
    date_hierarchy = "created_at"
    readonly_fields = ("page_link", "description", "contact", "language", "created_at",
                       "answered_at")  # fmt: skip
    fieldsets = (
        (
            _("The report"),
            {"fields": ("page_link", "description", "contact", "language", "created_at")},
        ),
        (_("The answer"), {"fields": ("status", "reply", "answered_at")}),
    )

    @admin.display(description=_("page"), ordering="page")
    def page_link(self, report):
        return format_html('<a href="{}" rel="noopener">{}</a>', report.page, report.page)

    def has_add_permission(self, request):
        return False
