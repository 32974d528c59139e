from django.urls import path

from news import views
from news.feeds import LatestArticlesFeed

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    # Before the article pattern: "feed" is a reserved slug (see Article.clean).
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
]
