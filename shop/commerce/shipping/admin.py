"""Shipping methods in admin: charges are typed including VAT.

Weight-based methods are left out: the shop charges per order, and a second
kind of method would only confuse staff. Names and descriptions are edited in
both languages, Bokmål first (shop/core/admin_languages.py).
"""

from django.contrib import admin
from oscar.apps.shipping.admin import OrderChargesAdmin

from shop.commerce.shipping.models import OrderAndItemCharges, WeightBased
from shop.core.admin_languages import BilingualAdmin

# Importing Oscar's admin module registered its own admin classes.
admin.site.unregister(WeightBased)
admin.site.unregister(OrderAndItemCharges)


@admin.register(OrderAndItemCharges)
class ShippingMethodAdmin(BilingualAdmin, OrderChargesAdmin):
    fields = (
        "name",
        "description",
        "price_per_order",
        "price_per_item",
        "free_shipping_threshold",
    )
