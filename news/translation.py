from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from news.models import Article, Category, LeadImage


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "standfirst", "body", "source", "author")


@register(LeadImage)
class LeadImageTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


# Versions: registered here, after the translated fields exist, so that every
# version keeps both languages.
keep_history(Category)
keep_history(Article, m2m_fields=["cities"])
