"""Oscar's shipping app, forked for VAT-inclusive charges and our repository."""

from django.db.models.signals import post_delete, post_save
from oscar.apps.shipping.apps import ShippingConfig as CoreShippingConfig


class ShippingConfig(CoreShippingConfig):
    name = "shop.commerce.shipping"

    def ready(self):
        super().ready()
        from shop.commerce.shipping import summary
        from shop.commerce.shipping.models import OrderAndItemCharges
        from shop.core.page_versions import renew_pages_on_change

        # Product pages state the shipping cost.
        renew_pages_on_change(OrderAndItemCharges)
        for signal in (post_save, post_delete):
            signal.connect(
                summary.forget,
                sender=OrderAndItemCharges,
                dispatch_uid=f"shipping-summary-{signal}",
            )
