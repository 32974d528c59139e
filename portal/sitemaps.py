from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class BilingualSitemap(Sitemap):
    """Every page in both languages, each listing the other as its hreflang alternate."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(BilingualSitemap):
    """The pages that are not records: home, the two lists."""

    changefreq = "daily"

    def items(self):
        return ["home", "cities:list", "news:list"]

    def location(self, name):
        return reverse(name)
