"""Pricing strategy: stock prices are entered including Norwegian VAT, a
running sale charges its sale price, and no more than
SHOP_MAX_QUANTITY_PER_LINE of one product goes into one order.

None of Oscar's tax mixins treats ``StockRecord.price`` as a gross price, so
this module adds one and composes it with Oscar's stock and selection mixins.
The limit per product is an availability policy, because every place that
lets quantity into a basket (Oscar's add form and basket formset, the
routine's button, the checkout's basket check) asks the policy.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from oscar.apps.partner import availability, prices
from oscar.apps.partner.strategy import Selector as CoreSelector
from oscar.apps.partner.strategy import (
    StockRequired,
    Structured,
    UseFirstStockRecord,
)
from oscar.core.loading import get_model

from shop.core.money import split_gross

# The catalogue sits above commerce (its pages sell); commerce reaches its
# models the way Oscar's own apps do.
ProductClass = get_model("catalogue", "ProductClass")


class SalePrice(prices.TaxInclusiveFixedPrice):
    """The sale price of a running sale, with what pages must show beside it:
    the before-price (partner/sales.py) and the normal price."""

    def __init__(self, *, normal_price, before_price, ends_at, **kwargs):
        super().__init__(**kwargs)
        self.normal_price = normal_price
        self.before_price = before_price
        self.sale_ends_at = ends_at


class VatInclusivePrice:
    """Pricing mixin: the stock record price is what the customer pays, or
    its sale price while the sale runs."""

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return prices.Unavailable()
        if stockrecord.sale_is_running() and stockrecord.before_price is not None:
            excl_tax, tax = split_gross(stockrecord.sale_price)
            return SalePrice(
                currency=stockrecord.price_currency,
                excl_tax=excl_tax,
                tax=tax,
                normal_price=stockrecord.price,
                before_price=stockrecord.before_price,
                ends_at=stockrecord.sale_ends_at,
            )
        excl_tax, tax = split_gross(stockrecord.price)
        return prices.TaxInclusiveFixedPrice(
            currency=stockrecord.price_currency, excl_tax=excl_tax, tax=tax
        )

    def parent_pricing_policy(self, product, children_stock):
        stockrecords = [record for _, record in children_stock if record is not None]
        if not stockrecords:
            return prices.Unavailable()
        return self.pricing_policy(product, stockrecords[0])


def line_limit_reason(limit):
    # Lower case, like Oscar's reasons: checkout puts it in a sentence.
    return _("no more than %(max)d of one product per order") % {"max": limit}


# What customers read about stock is worded here rather than left to Oscar,
# whose Bokmål catalogue lacks these texts. The English is Oscar's.


class NotForSale(availability.Unavailable):
    """No stock record: the product cannot be bought."""

    message = gettext_lazy("Unavailable")

    def is_purchase_permitted(self, quantity):
        return False, _("unavailable")


class LimitedStock(availability.StockRequired):
    """In stock, and at most ``limit`` of it in one order."""

    def __init__(self, num_available, *, limit):
        super().__init__(num_available)
        self.limit = limit

    @property
    def message(self):
        if self.num_available > 0:
            return _("In stock (%(count)d available)") % {"count": self.num_available}
        return pgettext("stock", "Unavailable")

    @property
    def short_message(self):
        if self.num_available > 0:
            return _("In stock")
        return pgettext("stock", "Unavailable")

    @property
    def quantity_limit(self):
        """The most one order may have: the stock, or the limit if lower."""
        return max(min(self.num_available, self.limit), 0)

    def is_purchase_permitted(self, quantity):
        if quantity > self.limit and self.num_available > self.limit:
            return False, line_limit_reason(self.limit)
        if self.num_available <= 0:
            return False, _("no stock available")
        if quantity > self.num_available:
            return False, _("a maximum of %(max)d can be bought") % {
                "max": self.num_available
            }
        return True, ""


class LimitedAvailable(availability.Available):
    """Stock not tracked, but still at most ``limit`` in one order."""

    message = gettext_lazy("Available")

    def __init__(self, *, limit):
        self.limit = self.quantity_limit = limit

    def is_purchase_permitted(self, quantity):
        if quantity > self.limit:
            return False, line_limit_reason(self.limit)
        return super().is_purchase_permitted(quantity)


class NorwegianRetail(
    UseFirstStockRecord, StockRequired, VatInclusivePrice, Structured
):
    """First stock record, stock required and limited per order, prices
    including 25 % VAT.

    Basket lines are priced from the stock record they were added with, and
    whether a product class tracks stock is looked up once per request, so a
    basket costs the same number of queries whatever its number of lines.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self._tracks_stock = None

    def fetch_for_line(self, line, stockrecord=None):
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)

    def availability_policy(self, product, stockrecord):
        if not stockrecord:
            return NotForSale()
        limit = settings.SHOP_MAX_QUANTITY_PER_LINE
        if not self.tracks_stock(product):
            return LimitedAvailable(limit=limit)
        return LimitedStock(stockrecord.net_stock_level, limit=limit)

    def tracks_stock(self, product):
        if product._meta.get_field("product_class").is_cached(product):
            return product.product_class.track_stock
        if self._tracks_stock is None:
            self._tracks_stock = dict(
                ProductClass.objects.values_list("pk", "track_stock")
            )
        class_id = product.product_class_id or product.parent.product_class_id
        return self._tracks_stock[class_id]


class Selector(CoreSelector):
    def strategy(self, request=None, user=None, **kwargs):
        return NorwegianRetail(request)
