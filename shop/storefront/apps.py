"""The storefront: home, robots.txt, SEO tags and structured data, the
sitemap index, navigation and the page cache."""

from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    label = "storefront"
    verbose_name = "Storefront"

    def ready(self):
        from shop.storefront import page_cache

        page_cache.connect_invalidation()
