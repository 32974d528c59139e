from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cities.sitemaps import CitySitemap
from news.sitemaps import ArticleSitemap


class SectionSitemap(Sitemap):
    """The pages that are not records: home, the two lists."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"

    def items(self):
        return ["home", "cities:list", "news:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"sections": SectionSitemap, "cities": CitySitemap, "news": ArticleSitemap}
