from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from news.models import Article
from portal.editorial.editions import only_in
from portal.formatting.richtext import plain_text

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """RSS 2.0: the latest published articles with an edition in the language of the URL."""

    feed_type = Rss201rev2Feed

    def title(self):
        return _("Foreign Affairs Portal: news")

    def description(self):
        return _("The latest news from the Foreign Affairs Office.")

    def link(self):
        return reverse("news:list")

    def items(self):
        articles = Article.objects.published().in_language(get_language())
        return articles.select_related("category")[:FEED_LENGTH]

    def item_title(self, item):
        """Marked as lists mark it when it is here in its original language only."""
        label = only_in(item, get_language())
        if not label:
            return item.title
        return _("%(title)s (%(only_in)s)") % {"title": item.title, "only_in": label}

    def item_description(self, item):
        return item.standfirst or Truncator(plain_text(item.body)).words(60)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []
