"""Pricing strategy: stock prices are entered including Norwegian VAT.

None of Oscar's tax mixins treats ``StockRecord.price`` as a gross price, so
this module adds one and composes it with Oscar's stock and selection mixins.
"""

from oscar.apps.partner import prices
from oscar.apps.partner.strategy import Selector as CoreSelector
from oscar.apps.partner.strategy import (
    StockRequired,
    Structured,
    UseFirstStockRecord,
)

from shop.money import split_gross


class VatInclusivePrice:
    """Pricing mixin: the stock record price is what the customer pays."""

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return prices.Unavailable()
        excl_tax, tax = split_gross(stockrecord.price)
        return prices.TaxInclusiveFixedPrice(
            currency=stockrecord.price_currency, excl_tax=excl_tax, tax=tax
        )

    def parent_pricing_policy(self, product, children_stock):
        stockrecords = [record for _, record in children_stock if record is not None]
        if not stockrecords:
            return prices.Unavailable()
        return self.pricing_policy(product, stockrecords[0])


class NorwegianRetail(
    UseFirstStockRecord, StockRequired, VatInclusivePrice, Structured
):
    """First stock record, stock required, prices including 25 % VAT."""


class Selector(CoreSelector):
    def strategy(self, request=None, user=None, **kwargs):
        return NorwegianRetail(request)
