"""The shipping methods a basket may use: those staff set up, cheapest first."""

import logging

from oscar.apps.shipping.methods import Free
from oscar.apps.shipping.repository import Repository as CoreRepository

from shop.commerce.shipping.models import OrderAndItemCharges

logger = logging.getLogger(__name__)


class Repository(CoreRepository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        # Once per request: a checkout step asks twice (its check and its
        # page), each time through a new repository.
        methods = getattr(basket, "_shipping_methods", None)
        if methods is None:
            methods = list(
                OrderAndItemCharges.objects.order_by("price_per_order", "name")
            )
            basket._shipping_methods = methods
        if not methods:
            # The checkout's delivery step then says delivery is unavailable.
            logger.error("No shipping methods are set up; add one in admin.")
        return methods

    def get_default_shipping_method(self, basket, shipping_addr=None, **kwargs):
        """The basket's shipping estimate. With no method set up yet, the
        basket page still works; the checkout will not let an order through."""
        methods = self.get_shipping_methods(basket, shipping_addr, **kwargs)
        return methods[0] if methods else Free()
