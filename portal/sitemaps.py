"""The sitemap, on django.contrib.sitemaps: an index at /sitemap.xml and sections
of at most PAGE_SIZE records (/sitemap-<section>.xml, then ?p=2, ...).

Every page is listed in both languages, each entry naming every language and
x-default (the address without a language, which sends a visitor to theirs)
as alternates. Records give their addresses by `get_absolute_url()`, which
fills the slug into an address reversed once per language
(`portal.formatting.i18n.slug_address`).
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_safe

from portal.formatting.i18n import LANGUAGE_CODES

PAGE_SIZE = 1000


class InEveryLanguage:
    """`(item, language)` for every item and language, as `Sitemap` pairs them,
    read from the database a page at a time: the library's own pairing lists
    every record (all 100,000 articles) for every page and for the index."""

    def __init__(self, items, languages):
        self.items, self.languages = items, languages

    def count(self):
        return self.items.count() * len(self.languages)

    def __getitem__(self, index):
        width = len(self.languages)
        first, stop = index.start // width, -(-index.stop // width)
        pairs = [(item, code) for item in self.items[first:stop] for code in self.languages]
        return pairs[index.start - first * width : index.stop - first * width]


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    @property
    def limit(self):
        # The library counts addresses; a page holds PAGE_SIZE records in every language.
        return PAGE_SIZE * len(LANGUAGE_CODES)


class PagesSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "cities:list", "news:list"]

    def location(self, item):
        return reverse(item)


class RecordSitemap(I18nSitemap):
    """The published records of `queryset()`, oldest first, so pages keep their records."""

    changefreq = "monthly"

    @property
    def paginator(self):
        return Paginator(InEveryLanguage(self.items(), LANGUAGE_CODES), self.limit)

    def queryset(self):
        raise NotImplementedError

    def items(self):
        return self.queryset().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The index would give every page of a section the newest record's date, which
        # tells a crawler nothing about which page changed, and costs a scan to find.
        return None


class CitySitemap(RecordSitemap):
    def queryset(self):
        from cities.models import City

        return City.objects.published().partners()


class ArticleSitemap(RecordSitemap):
    def queryset(self):
        from news.models import Article

        return Article.objects.published()


SITEMAPS = {"pages": PagesSitemap, "cities": CitySitemap, "news": ArticleSitemap}


@require_safe
def index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@require_safe
def section(request, section):
    # Only plain page numbers: Python's int() also reads "１" or "1_0", and every
    # spelling of a page would be one more copy in the page cache.
    page = request.GET.get("p", "1")
    if not (page.isascii() and page.isdigit()):
        raise Http404
    return sitemap_views.sitemap(request, SITEMAPS, section)
