"""The sitemap: an index at /sitemap.xml and sections paged by ranges of PAGE_SIZE ids.

Every page is listed in each language it has an indexed edition in, complete or
stale (`portal.editorial.models.edition_of`: an article not yet translated is listed
in its original language only), each entry naming the other indexed
editions and x-default (Chinese, where it has a Chinese edition) as alternates.
With 100,000 articles a single sitemap
would be megabytes built URL by URL with `reverse()`; here each section page
reverses one address per language and fills in slugs
(`portal.formatting.i18n.slug_address_template`), so a page renders in milliseconds from
one query.

Page N of a section holds the records whose ids lie in ((N-1) x PAGE_SIZE, N x
PAGE_SIZE]: a range of the primary key, as fast on page 100 as on page 1 (with
OFFSET, page 100 of the news read and skipped 99,000 rows first: 350-500 ms at
100,000 articles), and a page keeps its records when others are added or
removed before it. The index lists the pages with a record (gaps left by
drafts and deletions are skipped); which they are is read once per site
revision (`portal.caching.counts.per_revision`), not by counting every
row on each request (260 ms on PostgreSQL at 100,000 articles). A page has one
address (`?p=N`, N > 1, as the index writes it; page 1 without it) and the
index none but its own: any other query string is a 404, so the page cache
keeps one copy of each.

Why not django.contrib.sitemaps: the issue "The house" (item 3) asked for it
unless it measured more than three times slower per section at 100,000
articles, and it did. The library version (commit c2f45fc on branch `sitemap`:
i18n, alternates and x_default; 1,000 records, so 2,000 addresses, a page;
records paired with their languages a page at a time; get_absolute_url) against
this one, at 100,000 published articles (makebenchdata, SQLite), uncached
(PAGE_CACHE_SECONDS=0), through the test client in-process, median of 20 runs,
the two interleaved on a busy shared machine:

                                      hand-built   library
    index, /sitemap.xml (102 pages)      14 ms       15 ms    1.1x
    news page 1 (2,000 addresses)        23 ms      394 ms     17x
    news page 50                         82 ms      335 ms    4.1x
    news page 100                       164 ms      421 ms    2.6x
    all 100 news pages, once each       13.7 s      54.7 s    4.0x

A second run, on a busier machine, was slower for both and kept the ratios (1.0x,
23x, 4.1x, 2.8x; 4.15x for the section).

A library page spends about 35 ms making model instances, 85 ms in
`Sitemap._urls` (four `translation.override` and `location()` calls per
address) and 155 ms rendering `sitemap.xml`; the rest, growing with the page
number, is SQLite's OFFSET, the same for both. With the library's own pairing
of records and languages (a list of every record, for every page and the
index) a page took 2.3 s.
"""

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from portal.caching.counts import per_revision
from portal.editorial.models import edition_of
from portal.formatting.i18n import LANGUAGE_CODES, SLUG, slug_address_template

PAGE_SIZE = 1000
ROW = ("slug", "updated_at", "original_language", "original_only", "translation_states")
X_DEFAULT = "zh-hans"


@dataclass(frozen=True)
class Section:
    url_name: str  # a URL pattern with a `slug`, or a page without one
    changefreq: str
    # callable returning rows of (slug, lastmod, original language, original only,
    # translation states)
    queryset: object = None
    has_slug: bool = True  # False: a page without a slug that exists only when rows do

    def rows(self, page):
        """The rows of sitemap page `page`: those whose ids fall in its range (a page
        without a queryset is on page 1)."""
        if self.queryset is None:
            return [(None, None, None, False, None)] if page == 1 else []
        rows = self.queryset()
        if isinstance(rows, list):  # a few rows worked out in Python: all on page 1
            return rows if page == 1 else []
        first = (page - 1) * PAGE_SIZE + 1
        return rows.filter(pk__range=(first, first + PAGE_SIZE - 1))

    def pages(self):
        """The page numbers with a row of this section: one query, over an index."""
        if self.queryset is None:
            return {1}
        rows = self.queryset()
        if isinstance(rows, list):
            return {1} if rows else set()
        buckets = (
            rows.order_by()
            .annotate(page=(F("pk") - 1) / PAGE_SIZE + 1)
            .values_list("page", flat=True)
            .distinct()
        )
        return set(buckets)


def _articles():
    from news.models import Article

    return Article.objects.published().order_by("pk").values_list(*ROW)


def _cities():
    from cities.models import City

    return City.objects.published().partners().order_by("pk").values_list(*ROW)


def _guides():
    from office.models import ServiceGuide

    return ServiceGuide.objects.published().order_by("pk").values_list(*ROW)


def _reports():
    from office.models import WebsiteReport

    # The year is the report's slug in its address.
    return (
        WebsiteReport.objects.published()
        .order_by("pk")
        .values_list(Cast("year", CharField()), *ROW[1:])
    )


def _office_page(kind):
    def rows():
        from office.models import OfficePage

        pages = OfficePage.objects.published().filter(kind=kind)
        return pages.values_list(Value(""), *ROW[1:])

    return rows


def _office_frame(kind):
    """About and contact exist without their page (the office record fills them):
    listed in every language, except one a published page has no complete edition in."""

    def rows():
        return list(_office_page(kind)()) or [(None, None, None, False, None)]

    return rows


SECTIONS = {
    "pages": [
        Section("home", "daily"),
        Section("cities:list", "daily"),
        Section("news:list", "daily"),
        Section("office:about", "monthly", _office_frame("about"), has_slug=False),
        Section("office:contact", "monthly", _office_frame("contact"), has_slug=False),
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
    for slug, lastmod, original, original_only, states in rows:
        urls = {
            code: template.replace(SLUG, slug or "")
            for code, template in templates.items()
            if original is None or edition_of(code, original, states, original_only).indexed
        }
        defaults = [("x-default", urls[X_DEFAULT])] if X_DEFAULT in urls else []
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>'
            for code, url in [*urls.items(), *defaults]
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


def _pages(name):
    """The page numbers of section `name` that hold a record (page 1 when none
    does): kept under the site's revision (`portal.caching.counts`), not read
    from every row on each request."""
    sections = SECTIONS[name]

    def pages():
        found = set().union(*(section.pages() for section in sections))
        return sorted(found) or [1]

    return per_revision(f"sitemap:{name}:{PAGE_SIZE}", pages)


def _page_number(request):
    """The page a section's address asks for, or None: the bare address is page 1,
    `?p=N` (N > 1, as the index writes it) the others, and nothing else is an
    address of the sitemap (so the page cache keeps one copy per page)."""
    if not request.GET:
        return 1
    page = request.GET.get("p", "")
    canonical = page.isascii() and page.isdigit() and len(page) <= 6 and page[0] != "0"
    if list(request.GET) != ["p"] or len(request.GET.getlist("p")) != 1 or not canonical:
        return None
    return int(page) if int(page) > 1 else None


@require_safe
def index(request):
    if request.GET:
        raise Http404  # one index, one copy in the page cache
    base = f"{request.scheme}://{request.get_host()}"
    entries = []
    for name in SECTIONS:
        address = base + reverse("sitemap_section", kwargs={"section": name})
        for page in _pages(name):
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
    page = _page_number(request)
    if sections is None or page is None:
        raise Http404
    base = f"{request.scheme}://{request.get_host()}"
    parts = []
    for item in sections:
        parts += _entries(item, item.rows(page), base)
    if not parts and page != 1:
        raise Http404
    return _xml(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">' + "".join(parts) + "</urlset>\n"
    )
