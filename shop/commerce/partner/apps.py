"""Oscar's partner app, forked for the pricing strategy Oscar finds here by its
module name (prices include VAT, a sale price while a sale runs, a limit per
order line), stock allocation that cannot oversell, and the price history."""

from oscar.apps.partner.apps import PartnerConfig as CorePartnerConfig


class PartnerConfig(CorePartnerConfig):
    name = "shop.commerce.partner"

    def ready(self):
        super().ready()
        from shop.commerce.partner.models import StockRecord, next_sale_boundary
        from shop.core.page_versions import (
            register_scheduled_change,
            renew_pages_on_change,
        )

        # Prices and stock are on every product card, and a sale changes
        # them when it starts and ends.
        renew_pages_on_change(StockRecord)
        register_scheduled_change(next_sale_boundary)
