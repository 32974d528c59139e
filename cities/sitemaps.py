from cities.models import City
from portal.sitemaps import BilingualSitemap


class CitySitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return City.objects.published().partners().order_by("pk")

    def lastmod(self, city):
        return city.updated_at
