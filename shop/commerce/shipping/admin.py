"""Shipping methods in admin: charges are typed including VAT.

Weight-based methods are left out: the shop charges per order, and a second
kind of method would only confuse staff.
"""

from django.contrib import admin
from oscar.apps.shipping.admin import OrderChargesAdmin

from shop.commerce.shipping.models import OrderAndItemCharges, WeightBased

# Importing Oscar's admin module registered its own admin classes.
admin.site.unregister(WeightBased)
admin.site.unregister(OrderAndItemCharges)


@admin.register(OrderAndItemCharges)
class ShippingMethodAdmin(OrderChargesAdmin):
    fields = (
        "name",
        "description",
        "price_per_order",
        "price_per_item",
        "free_shipping_threshold",
    )
