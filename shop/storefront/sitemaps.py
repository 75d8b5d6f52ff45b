"""The sitemap index: every public page, its true last change, its pictures.

Each section is one of Django's sitemaps. They write addresses on the domain
of SHOP_SITE_URL, and add ``image:loc`` entries for product and article
pictures (the 1200 px renditions, the ones link previews use too).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Article, Author, Topic
from products.models import Category, Product, Routine
from shop.core.site_urls import absolute, site_url
from shop.storefront import seo


class ShopSitemap(Sitemap):
    def get_domain(self, site=None):
        return urlsplit(settings.SHOP_SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SHOP_SITE_URL).scheme

    def images(self, item):
        """Pictures (ProductImage or Picture objects) to list for the item."""
        return []

    def get_latest_lastmod(self):
        # Django gives up on the whole section when one item has no date.
        if not callable(self.lastmod):
            return super().get_latest_lastmod()
        return max(filter(None, map(self.lastmod, self.items())), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["images"] = [
                absolute(rendition.url)
                for rendition in map(seo.preview_image, self.images(url["item"]))
                if rendition
            ]
        return urls


def latest_product_change():
    return Product.objects.browsable().aggregate(latest=Max("date_updated"))["latest"]


def latest_article_change():
    latest = Article.objects.published().aggregate(
        published=Max("published_at"),
        reviewed=Max("reviewed_at"),
        updated=Max("updated_at"),
    )
    return max(filter(None, latest.values()), default=None)


class PageSitemap(ShopSitemap):
    """Home, the product and article lists, and the footer pages."""

    def items(self):
        lists = [
            ("home", reverse("home")),
            ("products", reverse("catalogue:index")),
            ("articles", reverse("articles:list")),
        ]
        pages = FlatPage.objects.filter(
            registration_required=False, sites=settings.SITE_ID
        ).order_by("url")
        return lists + [("page", page.get_absolute_url()) for page in pages]

    def location(self, item):
        return item[1]

    def lastmod(self, item):
        # Footer pages keep no date of their own, so none is claimed for them.
        kind = item[0]
        if kind == "products":
            return latest_product_change()
        if kind == "articles":
            return latest_article_change()
        if kind == "home":
            return max(
                filter(None, [latest_product_change(), latest_article_change()]),
                default=None,
            )
        return None


class ProductSitemap(ShopSitemap):
    def items(self):
        return Product.objects.browsable().prefetch_related("images").order_by("pk")

    def lastmod(self, product):
        return product.date_updated

    def images(self, product):
        return product.images.all()


class CategorySitemap(ShopSitemap):
    def items(self):
        return (
            Category.objects.filter(is_public=True, ancestors_are_public=True)
            .annotate(latest=Max("product__date_updated"))
            .order_by("path")
        )

    def lastmod(self, category):
        return category.latest


class RoutineSitemap(ShopSitemap):
    def items(self):
        return (
            Routine.objects.filter(is_public=True)
            .annotate(latest_product=Max("steps__product__date_updated"))
            .order_by("pk")
        )

    def lastmod(self, routine):
        return max(filter(None, [routine.date_updated, routine.latest_product]))


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


SITEMAPS = {
    "pages": PageSitemap,
    "products": ProductSitemap,
    "categories": CategorySitemap,
    "routines": RoutineSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
    "authors": AuthorSitemap,
}


def sitemap_index(request):
    """The index of the sections, on SHOP_SITE_URL's domain.

    Django's own index names the domain of the Site row instead; each section
    here holds far fewer than the 50,000 addresses a sitemap file may list.
    """
    sections = [
        (
            site_url(reverse("sitemap-section", args=[name])),
            sitemap().get_latest_lastmod(),
        )
        for name, sitemap in SITEMAPS.items()
    ]
    return TemplateResponse(
        request,
        "seo/sitemap_index.xml",
        {"sections": sections},
        content_type="application/xml",
    )
