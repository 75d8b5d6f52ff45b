"""The shipping methods a basket may use: those staff set up, cheapest first."""

from oscar.apps.shipping.repository import Repository as CoreRepository

from shop.shipping.models import OrderAndItemCharges


class Repository(CoreRepository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        return list(OrderAndItemCharges.objects.order_by("price_per_order", "name"))
