"""The office's pages. The office record itself comes to templates as `office`
(`portal.context_processors.site`)."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from office.models import GuideForm, OfficePage, PageKind, ServiceGuide, WebsiteReport
from portal.editorial.editions import EditionMixin, edition_context, noindex_unless_complete
from portal.editorial.models import Edition
from portal.editorial.preview import StaffPreviewMixin, mark_preview
from portal.editorial.rules import visible
from portal.formatting.breadcrumbs import crumb
from portal.formatting.i18n import LocalizedText, localized

# What a list needs of a record to tell its edition (the "only in" mark).
EDITION_FIELDS = ("original_language", "original_only", "translation_states")
PAGE_ABSENT = gettext_lazy("The text of this page is not yet available in %(language)s.")
PAGE_ORIGINAL_ONLY = gettext_lazy(
    "This page is published in %(language)s only; what follows is the original text."
)


def _page(request, kind):
    """The office page of `kind` this visitor may see (staff: drafts too), or None."""
    return visible(OfficePage, request.user).filter(kind=kind).first()


def _render_page(request, template, page, context, fallback=None):
    """An office page in the active language: a live page whose edition here is absent
    says so (its text left out, the original linked), and an incomplete edition is
    not indexed (`portal.editorial.editions`)."""
    context.update(page=page, preview=bool(page and not page.is_live))
    if page is not None and page.is_live:
        context.update(edition_context(page, PAGE_ABSENT, PAGE_ORIGINAL_ONLY, fallback=fallback))
    response = render(request, template, context)
    return mark_preview(noindex_unless_complete(response, context), context["preview"])


@require_safe
def about(request):
    """About the office, with the ways into its other pages (and the yearly reports)."""
    page = _page(request, PageKind.ABOUT)
    language = get_language()
    context = {
        "guides": ServiceGuide.objects.published()
        .in_language(language)
        .only("slug", "title_zh_hans", "title_en", *EDITION_FIELDS),
        "reports": WebsiteReport.objects.published()
        .in_language(language)
        .only("year", *EDITION_FIELDS),
        "breadcrumbs": [crumb(None, _("About the office"))],
    }
    return _render_page(request, "office/about.html", page, context)


@require_safe
def contact(request):
    """The office record's contact details (empty ones left out), the contact page's
    own text when there is one, and the office's standard map when it set one
    (no page draws land or borders without one)."""
    context = {
        "breadcrumbs": [crumb("office:about", _("About the office")), crumb(None, _("Contact"))],
    }
    return _render_page(request, "office/contact.html", _page(request, PageKind.CONTACT), context)


@require_safe
def accessibility(request):
    """The accessibility statement. Where it has no edition in the active language,
    a page saying so that links the original; the language switch of the original
    leads to About in that language instead."""
    page = _page(request, PageKind.ACCESSIBILITY)
    if page is None:
        raise Http404
    context = {
        "breadcrumbs": [
            crumb("office:about", _("About the office")),
            crumb(None, localized(page, "title")),
        ],
        "original_title": localized(page, "title", page.original_language),
    }
    absent = page.is_live and page.edition(get_language()) == Edition.ABSENT
    template = "edition_absent.html" if absent else "office/page.html"
    return _render_page(request, template, page, context, fallback="office:about")


@require_safe
def form(request, pk):
    """A guide's form, as a download: a visitor's only way to it (it has no public
    storage address), for guides they may see."""
    guides = visible(ServiceGuide, request.user)
    record = GuideForm.objects.filter(pk=pk, guide__in=guides).first()
    if record is None:
        raise Http404
    try:
        stream = record.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = slugify(localized(record, "title").text) or f"form-{record.pk}"
    response = FileResponse(
        stream, as_attachment=True, filename=f"{name}.pdf", content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store" if not record.guide.is_live else "public"
    return response


class GuideListView(ListView):
    context_object_name = "guides"
    template_name = "office/guide_list.html"

    def get_queryset(self):
        return ServiceGuide.objects.published().in_language(get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            crumb("office:about", _("About the office")),
            crumb(None, _("Service guides")),
        ]
        return context


class GuideDetailView(EditionMixin, StaffPreviewMixin, DetailView):
    context_object_name = "guide"
    template_name = "office/guide_detail.html"
    list_url_name = "office:guides"
    absent_message = gettext_lazy("This service guide is not yet available in %(language)s.")
    original_only_message = gettext_lazy(
        "This service guide is published in %(language)s only; what follows is the original text."
    )

    def get_queryset(self):
        return visible(ServiceGuide, self.request.user).prefetch_related("forms")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            crumb("office:guides", _("Service guides")),
            crumb(None, localized(self.object, "title")),
        ]
        return context


class ReportDetailView(EditionMixin, StaffPreviewMixin, DetailView):
    context_object_name = "report"
    template_name = "office/report_detail.html"
    list_url_name = "office:about"
    absent_message = gettext_lazy("This website report is not yet available in %(language)s.")
    original_only_message = gettext_lazy(
        "This website report is published in %(language)s only; what follows is the original text."
    )

    def get_object(self, queryset=None):
        year = self.kwargs["slug"]
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise Http404
        report = (
            visible(WebsiteReport, self.request.user)
            .filter(year=int(year))
            .prefetch_related("rows")
            .first()
        )
        if report is None:
            raise Http404
        return report

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        title = report_title(self.object.year)
        context.update(
            title=title,
            breadcrumbs=[crumb("office:about", _("About the office")), crumb(None, title)],
        )
        return context

    def original_title(self, record):
        with override(record.original_language):
            return LocalizedText(report_title(record.year), record.original_language)


def report_title(year):
    return _("Website report %(year)s") % {"year": year}
