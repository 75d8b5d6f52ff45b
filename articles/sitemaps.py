"""The articles' sitemap sections: articles (with their hero pictures), and
the topics and authors that have live ones (registered in the app's ready())."""

from django.db.models import Max

from articles.models import Article, Author, Topic
from shop.core.sitemaps import ShopSitemap


class ArticleSitemap(ShopSitemap):
    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.last_modified

    def images(self, article):
        return [article.hero] if article.hero else []


class ArticleGroupSitemap(ShopSitemap):
    """Topics and authors that have live articles, dated by their newest."""

    model = None
    relation = None

    def items(self):
        live = Article.objects.published()
        return (
            self.model.objects.filter(**{f"{self.relation}__in": live.values("pk")})
            .annotate(
                latest_update=Max(f"{self.relation}__updated_at"),
                latest_publication=Max(f"{self.relation}__published_at"),
            )
            .order_by("pk")
        )

    def lastmod(self, group):
        return max(filter(None, [group.latest_update, group.latest_publication]))


class TopicSitemap(ArticleGroupSitemap):
    model = Topic
    relation = "articles"


class AuthorSitemap(ArticleGroupSitemap):
    model = Author
    relation = "articles"
