"""News reports and their categories."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.editorial.models import (
    LINK_FIELDS,
    Publishable,
    PublishableQuerySet,
    Timestamped,
    Translatable,
    fields_for,
)
from portal.editorial.translation_state import queue_indexes
from portal.formatting.i18n import slug_address
from portal.formatting.richtext import RichTextField
from portal.pictures.models import Picture

# Paths under /news/ that are not articles.
RESERVED_SLUGS = {"feed"}


class Category(Translatable, Timestamped):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in menus and filters.")
    )

    required_translations = ("name",)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        permissions = [
            ("translate_category", _("Can translate categories")),
            ("publish_category", _("Can approve changes to categories")),
        ]

    def __str__(self):
        return self.name or self.slug


# What an article card (news/includes/article_card.html) shows, and nothing more: the
# columns a list reads on every view.
CARD_FIELDS = [
    *fields_for("title", "standfirst", "source", plain=(*LINK_FIELDS, "category")),
    *fields_for("name", via="category__"),
    *fields_for("alt", plain=("image", "width", "height", "rendition_widths"), via="lead_image__"),
]


class ArticleQuerySet(PublishableQuerySet):
    long_texts = ("body",)

    def featured(self):
        return self.filter(featured=True)

    def for_cards(self):
        """Reading what an article card shows, and nothing more."""
        return self.select_related("category", "lead_image").only(*CARD_FIELDS)


class Article(Publishable, Translatable, Timestamped):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The article's web address, in ASCII letters, digits and hyphens."),
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = RichTextField(_("body"))
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Where the report first appeared.")
    )
    source_date = models.DateField(_("source date"), null=True, blank=True)
    author = models.CharField(_("reporter or author"), max_length=200, blank=True)
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("category"),
    )
    cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="articles", verbose_name=_("related cities")
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown prominently on the home page.")
    )

    objects = ArticleQuerySet.as_manager()

    required_translations = ("title",)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [*Publishable.Meta.constraints]
        indexes = [
            # What visitors see, newest first: lists, counts and the feed read
            # this index, never the table with its long texts. It holds what
            # `in_language` and the category filter test, so a deep page of the
            # list passes over the rows before it in the index alone.
            models.Index(
                fields=[
                    "status",
                    "published_at",
                    "id",
                    "category",
                    "original_language",
                    "original_only",
                    "translation_states",
                ],
                name="news_article_visible",
            ),
            *queue_indexes("news_article"),
            # The admin's home page: the articles in review, and one's drafts, oldest
            # change first (without it SQLite sorted all 100,000 for each list).
            models.Index(fields=["status", "updated_at"], name="news_article_status_changed"),
            models.Index(
                fields=["status", "published_at", "id"],
                condition=models.Q(featured=True),
                name="news_article_featured",
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule and withdraw articles")),
            ("translate_article", _("Can translate articles")),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return slug_address("news:article", self.slug)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the site itself.")})


class LeadImage(Picture):
    """The picture at the head of an article, and on its cards."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="lead_image", verbose_name=_("article")
    )

    class Meta:
        verbose_name = _("lead image")
        verbose_name_plural = _("lead image")
        permissions = [("translate_leadimage", _("Can translate the texts of lead images"))]

    def __str__(self):
        return self.caption or self.alt or str(_("lead image"))
