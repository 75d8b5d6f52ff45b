"""Oscar's shipping app, forked for VAT-inclusive charges and our repository."""

from oscar.apps.shipping import apps


class ShippingConfig(apps.ShippingConfig):
    name = "shop.shipping"
