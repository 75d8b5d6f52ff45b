"""Article pages under /articles/."""

from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/", views.LatestArticlesFeed(), name="feed"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
