"""Editorial articles, starting with the isotretinoin recovery guide."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"
