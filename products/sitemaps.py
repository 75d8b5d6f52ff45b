"""The catalogue's sitemap sections: products, categories and routines,
each dated by its true last change (registered in the app's ready())."""

from django.db.models import Max

from products.models import Category, Product, Routine
from shop.core.sitemaps import ShopSitemap


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
