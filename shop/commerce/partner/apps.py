"""Oscar's partner app, forked for the pricing strategy Oscar finds here by its
module name (prices include VAT, a limit per order line) and stock allocation
that cannot oversell."""

from oscar.apps.partner.apps import PartnerConfig as CorePartnerConfig


class PartnerConfig(CorePartnerConfig):
    name = "shop.commerce.partner"
