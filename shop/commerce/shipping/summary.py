"""The cheapest way to get an order delivered, for structured data.

Product pages tell search engines what shipping costs. That must be the
shipping staff set up in admin, so it is read from the cheapest method, kept
in the cache until a method is saved or deleted.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction

from shop.commerce.shipping.models import OrderAndItemCharges

CACHE_KEY = "shop:shipping:cheapest"


@dataclass(frozen=True)
class CheapestShipping:
    price: Decimal
    free_from: Decimal | None

    def for_order_of(self, amount):
        if self.free_from is not None and amount >= self.free_from:
            return Decimal("0.00")
        return self.price


def cheapest():
    """The cheapest method's price and free-shipping threshold, or None."""

    def read():
        method = OrderAndItemCharges.objects.order_by("price_per_order").first()
        if method is None:
            return None
        return CheapestShipping(method.price_per_order, method.free_shipping_threshold)

    # A missing method is cached too ("none"), so pages don't ask every time.
    found = cache.get_or_set(CACHE_KEY, lambda: read() or "none")
    return None if found == "none" else found


def forget(using=None, **kwargs):
    """Connected in the shipping app's ready(); once the change commits, so no
    visitor in between caches the old one."""
    transaction.on_commit(lambda: cache.delete(CACHE_KEY), using=using)
