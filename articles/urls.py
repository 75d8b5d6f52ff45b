"""Article pages under /artikler/ (Bokmål) and /en/articles/."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/", views.LatestArticlesFeed(), name="feed"),
    path(
        format_lazy("{}<slug:slug>/", pgettext_lazy("URL", "topics/")),
        views.TopicDetailView.as_view(),
        name="topic",
    ),
    path(
        format_lazy("{}<slug:slug>/", pgettext_lazy("URL", "authors/")),
        views.AuthorDetailView.as_view(),
        name="author",
    ),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
