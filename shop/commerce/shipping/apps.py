"""Oscar's shipping app, forked for VAT-inclusive charges and our repository."""

from oscar.apps.shipping.apps import ShippingConfig as CoreShippingConfig


class ShippingConfig(CoreShippingConfig):
    name = "shop.commerce.shipping"

    def ready(self):
        super().ready()
        from shop.commerce.shipping import summary

        summary.connect_signals()
