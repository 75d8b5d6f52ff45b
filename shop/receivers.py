"""Signal receivers of the project app."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.signals import request_finished
from django.db.models.signals import post_migrate, pre_delete
from django.dispatch import receiver
from oscar.apps.basket.abstract_models import AbstractBasket

from products.models import Product
from shop import mail, orders, page_cache, staff  # noqa: F401 (orders connects)
from shop.models import BasketNotice
from shop.shipping import summary  # noqa: F401 (connects its cache invalidation)


@receiver(pre_delete, sender=Product, dispatch_uid="shop.notify_baskets_of_deletion")
def notify_baskets_of_deleted_product(sender, instance, **kwargs):
    lines = instance.basket_lines.filter(basket__status=AbstractBasket.OPEN)
    BasketNotice.objects.bulk_create(
        BasketNotice(
            basket_id=basket_id,
            message=(
                f"“{instance.get_title()}” is no longer sold, so it was removed "
                "from your basket."
            ),
        )
        for basket_id in lines.values_list("basket_id", flat=True).distinct()
    )


@receiver(post_migrate, dispatch_uid="shop.ensure_staff_groups")
def ensure_staff_groups(sender, **kwargs):
    if sender.label == "shop":
        staff.ensure_groups()


@receiver(post_migrate, dispatch_uid="shop.sync_site_with_settings")
def sync_site_with_settings(sender, using="default", **kwargs):
    """Django's Site (read by the sitemap index, feeds and Oscar's e-mails)
    names the domain of SHOP_SITE_URL after every migrate."""
    if sender.label != "shop":
        return
    domain = urlsplit(settings.SHOP_SITE_URL).netloc
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME},
    )
    Site.objects.clear_cache()


request_finished.connect(
    mail.retry_now_and_then, dispatch_uid="shop.retry_unsent_email"
)


page_cache.connect_invalidation()
