"""Notices to a basket's owner about changes they did not make."""

from oscar.apps.basket.abstract_models import AbstractBasket

from shop.commerce.basket.models import BasketNotice


def notify_baskets_of_deleted_product(sender, instance, **kwargs):
    """Oscar deletes basket lines together with their product; the notice
    tells the customer why the line is gone on their next visit."""
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
