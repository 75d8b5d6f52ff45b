"""Basket forms: Oscar's, with a quantity change told which limit it hits."""

from django import forms
from oscar.apps.basket.forms import BasketLineForm as CoreBasketLineForm


class BasketLineForm(CoreBasketLineForm):
    def check_max_allowed_quantity(self, qty):
        # Oscar words any line over its availability as "multiple lines contain
        # the same product"; the availability's own reason (the stock, or the
        # limit per product in shop/commerce/partner/strategy.py) says what is wrong.
        line, basket = self.instance, self.instance.basket
        same_product_elsewhere = basket.basket_quantity(line) - line.quantity
        availability = line.purchase_info.availability
        permitted, reason = availability.is_purchase_permitted(
            same_product_elsewhere + qty
        )
        if not permitted:
            raise forms.ValidationError(reason)
        allowed, reason = basket.is_quantity_allowed(qty - line.quantity)
        if not allowed:
            raise forms.ValidationError(reason)
