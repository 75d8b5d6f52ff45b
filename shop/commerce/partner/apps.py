"""Oscar's partner app, forked for the pricing strategy Oscar finds here by its
module name (prices include VAT, a limit per order line) and stock allocation
that cannot oversell."""

from oscar.apps.partner.apps import PartnerConfig as CorePartnerConfig


class PartnerConfig(CorePartnerConfig):
    name = "shop.commerce.partner"

    def ready(self):
        super().ready()
        from shop.commerce.partner.models import StockRecord
        from shop.core.page_versions import renew_pages_on_change

        # Prices and stock are on every product card.
        renew_pages_on_change(StockRecord)
