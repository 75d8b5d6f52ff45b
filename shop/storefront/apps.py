"""The storefront: home, robots.txt, SEO tags and structured data, the
sitemap index, navigation and the page cache."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    label = "storefront"
    verbose_name = "Storefront"

    def ready(self):
        from django.contrib.flatpages.models import FlatPage

        from products.models import Category, Routine
        from shop.core.page_versions import renew_pages_on_change
        from shop.storefront import navigation

        renew_pages_on_change(FlatPage)
        for signal in (post_save, post_delete):
            signal.connect(
                navigation.forget_menu,
                sender=Category,
                dispatch_uid=f"forget-menu-{signal}",
            )
            signal.connect(
                navigation.forget_routines,
                sender=Routine,
                dispatch_uid=f"forget-routines-{signal}",
            )
            signal.connect(
                navigation.forget_footer,
                sender=FlatPage,
                dispatch_uid=f"forget-footer-{signal}",
            )
