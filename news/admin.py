from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from news.models import Article, Category, LeadImage
from portal.editorial.admin import PUBLICATION_FIELDSET, PublishableAdmin, TranslatableAdmin
from portal.editorial.concurrency import ConcurrentEditMixin
from portal.editorial.pending_admin import PendingChangesMixin
from portal.pictures.admin import PictureInline


@admin.register(Category)
class CategoryAdmin(ConcurrentEditMixin, PendingChangesMixin, TranslatableAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name_zh_hans", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "position", "original_language")


class LeadImageInline(PictureInline):
    model = LeadImage
    max_num = 1


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ("title", "category", "status", "published_at", "featured", "source_date")
    list_filter = ("status", "featured", "category", "cities", "published_at")
    search_fields = ("title_zh_hans", "title_en", "standfirst_zh_hans", "standfirst_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    list_select_related = ("category",)
    autocomplete_fields = ("cities", "category")
    # 50 a page, not Django's 100: each row is about 0.4 ms of Python to render, and
    # at 100,000 articles a publisher pages by filter and search, not by scrolling.
    list_per_page = 50
    # No date_hierarchy: its years are a DISTINCT over every article on each view (a
    # full scan at 100,000); the "published" filter narrows by date instead.
    inlines = (LeadImageInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "standfirst", "body")}),
        (_("Source"), {"fields": ("source", "source_date", "author")}),
        (_("Filing"), {"fields": ("category", "cities", "featured")}),
        PUBLICATION_FIELDSET,
    )
