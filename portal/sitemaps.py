"""The sitemap: an index at /sitemap.xml and sections of at most PAGE_SIZE records.

Every page is listed in both languages, each entry naming the other language
and x-default (Chinese) as alternates. With 100,000 articles a single sitemap
would be megabytes built URL by URL with `reverse()`; here each section page
reverses one address per language and fills in slugs
(`portal.formatting.i18n.slug_address_template`), so a page renders in milliseconds from
one query.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from django.db.models import CharField, Value
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from portal.formatting.i18n import LANGUAGE_CODES, SLUG, slug_address_template

PAGE_SIZE = 1000
X_DEFAULT = "zh-hans"


@dataclass(frozen=True)
class Section:
    url_name: str  # a URL pattern with a `slug`, or a page without one
    changefreq: str
    queryset: object = None  # callable returning rows of (slug, lastmod)
    has_slug: bool = True  # False: a page without a slug that exists only when rows do

    def rows(self):
        return self.queryset() if self.queryset else [(None, None)]

    def count(self):
        return self.queryset().count() if self.queryset else 1


def _articles():
    from news.models import Article

    return Article.objects.published().order_by("pk").values_list("slug", "updated_at")


def _cities():
    from cities.models import City

    return City.objects.published().partners().order_by("pk").values_list("slug", "updated_at")


def _guides():
    from office.models import ServiceGuide

    return ServiceGuide.objects.published().order_by("pk").values_list("slug", "updated_at")


def _reports():
    from office.models import WebsiteReport

    # The year is the report's slug in its address.
    return (
        WebsiteReport.objects.published()
        .order_by("pk")
        .values_list(Cast("year", CharField()), "updated_at")
    )


def _office_page(kind):
    def rows():
        from office.models import OfficePage

        return OfficePage.objects.published().filter(kind=kind).values_list(Value(""), "updated_at")

    return rows


SECTIONS = {
    "pages": [
        Section("home", "daily"),
        Section("cities:list", "daily"),
        Section("news:list", "daily"),
        Section("office:about", "monthly"),
        Section("office:contact", "monthly"),
        Section("office:guides", "weekly"),
        Section("site_map", "weekly"),
        Section("office:accessibility", "yearly", _office_page("accessibility"), has_slug=False),
    ],
    "cities": [Section("cities:detail", "monthly", _cities)],
    "news": [Section("news:article", "monthly", _articles)],
    "office": [
        Section("office:guide", "monthly", _guides),
        Section("office:report", "yearly", _reports),
    ],
}


def _templates(url_name, has_slug, base):
    """Per language, the absolute address, with SLUG where a slug goes."""
    templates = {}
    for code in LANGUAGE_CODES:
        if has_slug:
            templates[code] = base + slug_address_template(url_name, code)
        else:
            with translation.override(code):
                templates[code] = base + reverse(url_name)
    return templates


def _entries(section, rows, base):
    has_slug = section.queryset is not None and section.has_slug
    templates = _templates(section.url_name, has_slug, base)
    parts = []
    for slug, lastmod in rows:
        urls = {code: template.replace(SLUG, slug or "") for code, template in templates.items()}
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>'
            for code, url in [*urls.items(), ("x-default", urls[X_DEFAULT])]
        )
        modified = (
            f"<lastmod>{lastmod.date().isoformat()}</lastmod>"
            if isinstance(lastmod, datetime)
            else ""
        )
        for url in urls.values():
            parts.append(
                f"<url><loc>{escape(url)}</loc>{modified}"
                f"<changefreq>{section.changefreq}</changefreq>{links}</url>"
            )
    return parts


def _xml(body):
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + body,
        content_type="application/xml; charset=utf-8",
    )


@require_safe
def index(request):
    base = f"{request.scheme}://{request.get_host()}"
    entries = []
    for name, sections in SECTIONS.items():
        pages = max(1, math.ceil(sum(section.count() for section in sections) / PAGE_SIZE))
        address = base + reverse("sitemap_section", kwargs={"section": name})
        for page in range(1, pages + 1):
            loc = address if page == 1 else f"{address}?p={page}"
            entries.append(f"<sitemap><loc>{escape(loc)}</loc></sitemap>")
    return _xml(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(entries)
        + "</sitemapindex>\n"
    )


@require_safe
def section(request, section):
    sections = SECTIONS.get(section)
    page = request.GET.get("p", "1")
    valid = page.isascii() and page.isdigit() and len(page) <= 6 and int(page) >= 1
    if sections is None or not valid:
        raise Http404
    first = (int(page) - 1) * PAGE_SIZE
    base = f"{request.scheme}://{request.get_host()}"
    parts = []
    for item in sections:
        rows = item.rows()
        if item.queryset is not None:
            rows = rows[first : first + PAGE_SIZE]
        elif first:
            rows = []
        parts += _entries(item, rows, base)
    if not parts and page != "1":
        raise Http404
    return _xml(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">' + "".join(parts) + "</urlset>\n"
    )
