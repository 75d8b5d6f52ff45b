"""What a basket or an order costs, row by row under its lines.

The one wording of the summary that the basket page, the checkout's review,
the thank-you page, the customer's order pages and the order e-mails show
(through the tags in shop/storefront/templatetags/shop_tags.py): the products,
what offers take off, shipping, the total and the VAT it contains.
"""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from oscar.apps.order.abstract_models import AbstractOrderDiscount

from shop.core.money import format_price, split_gross, vat_percent


@dataclass(frozen=True)
class Row:
    label: str
    amount: str  # written out: "1.467,95\xa0NOK", "−120,00\xa0NOK", "Free"
    # Labels and "Free" are in the language of the page or e-mail asking.
    kind: str = ""  # "saving", "total" or "vat": how the row stands out
    key: str = ""  # "total" or "vat": the row a page names by id


def summary_rows(
    *,
    currency,
    products,
    total,
    discounts=(),
    shipping=None,
    shipping_discounts=(),
    surcharges=(),
    space=" ",
):
    """The rows for amounts including VAT.

    products: what the lines cost before discounts; discounts and
    shipping_discounts: (name, amount) pairs; shipping: (method name, charge
    before its discounts, charge paid), None before one is chosen;
    surcharges: (name, amount) pairs; space: between the VAT rate and "%".
    The products' sum is shown when anything is added to it or taken off."""

    def money(amount):
        return format_price(amount, currency)

    rows = []
    if discounts or shipping or surcharges:
        rows.append(Row(_("Products"), money(products)))
    rows += [Row(name, f"−{money(amount)}", "saving") for name, amount in discounts]
    if shipping:
        name, charge, paid = shipping
        label = _("Shipping (%(method)s)") % {"method": name} if name else _("Shipping")
        rows.append(Row(label, money(charge) if charge else _("Free")))
        rows += [
            Row(name, f"−{money(amount)}", "saving")
            for name, amount in shipping_discounts
        ]
    rows += [Row(name, money(amount)) for name, amount in surcharges]
    rows.append(Row(_("Total"), money(total), "total", "total"))
    rate = format_html("{}{}%", vat_percent(), space)
    # "25&nbsp;%" is safe HTML, and so is the translation.
    vat_label = mark_safe(_("Of which VAT (%(rate)s)") % {"rate": rate})
    rows.append(Row(vat_label, money(split_gross(total)[1]), "vat", "vat"))
    if shipping and shipping[2]:
        rows.append(
            Row(_("of which on shipping"), money(split_gross(shipping[2])[1]), "vat")
        )
    return rows


def basket_rows(
    basket, *, shipping_name=None, shipping_charge=None, total=None, space=" "
):
    """A basket's rows; with shipping (a Price) once one is chosen, whose
    charge is what the customer pays, offers included."""
    shipping = None
    if shipping_charge is not None:
        shipping = (shipping_name, shipping_charge.incl_tax, shipping_charge.incl_tax)
    return summary_rows(
        currency=basket.currency,
        products=basket.total_incl_tax_excl_discounts,
        total=basket.total_incl_tax if total is None else total,
        discounts=[(d["offer"].name, d["discount"]) for d in basket.offer_discounts],
        shipping=shipping,
        space=space,
    )


def order_rows(order, *, space=" "):
    discounts = list(order.discounts.all())

    def named(category):
        return [
            (d.offer_name or d.description, d.amount)
            for d in discounts
            if d.category == category
        ]

    shipping_discounts = named(AbstractOrderDiscount.SHIPPING)
    before = order.shipping_incl_tax + sum(amount for _, amount in shipping_discounts)
    return summary_rows(
        currency=order.currency,
        products=order.basket_total_before_discounts_incl_tax,
        total=order.total_incl_tax,
        discounts=named(AbstractOrderDiscount.BASKET),
        shipping=(order.shipping_method, before, order.shipping_incl_tax),
        shipping_discounts=shipping_discounts,
        surcharges=[(s.name, s.incl_tax) for s in order.surcharges.all()],
        space=space,
    )
