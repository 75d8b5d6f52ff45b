"""Shipping methods: Oscar's order-and-item charges, priced including VAT.

Staff type the charge a customer pays, as they do for products; Oscar's own
model returns it with zero tax. The VAT part is split off the same way as a
product's (25 %), so the checkout can show it.
"""

from oscar.apps.shipping.abstract_models import AbstractOrderAndItemCharges
from oscar.core import prices

from shop.core.money import split_gross


class OrderAndItemCharges(AbstractOrderAndItemCharges):
    def calculate(self, basket):
        charge = super().calculate(basket).incl_tax
        excl_tax, tax = split_gross(charge)
        return prices.Price(currency=basket.currency, excl_tax=excl_tax, tax=tax)


from oscar.apps.shipping.models import *  # noqa: E402, F403
