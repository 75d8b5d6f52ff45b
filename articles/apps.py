"""Editorial articles, starting with the isotretinoin recovery guide."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles import sitemaps, structured_data
        from articles.models import Article, ArticleProduct, Author, Topic
        from shop.core.page_versions import renew_pages_on_change
        from shop.core.sitemaps import register_sitemap
        from shop.core.structured_data import register_json_ld

        renew_pages_on_change(Article, ArticleProduct, Author, Topic)
        register_sitemap("articles", sitemaps.ArticleSitemap)
        register_sitemap("topics", sitemaps.TopicSitemap)
        register_sitemap("authors", sitemaps.AuthorSitemap)
        register_json_ld("article", structured_data.blog_posting)
