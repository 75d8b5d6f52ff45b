"""Signal receivers of the project app."""

from django.db.models.signals import post_migrate, pre_delete
from django.dispatch import receiver
from oscar.apps.basket.abstract_models import AbstractBasket

from products.models import Product
from shop import staff
from shop.models import BasketNotice


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
