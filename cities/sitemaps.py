from django.contrib.sitemaps import Sitemap

from cities.models import City


class CitySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return City.objects.published().partners().order_by("pk")

    def lastmod(self, city):
        return city.updated_at
