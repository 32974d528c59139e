from news.models import Article
from portal.sitemaps import BilingualSitemap


class ArticleSitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.updated_at
