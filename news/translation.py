from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Category


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "standfirst", "body", "source", "author")
