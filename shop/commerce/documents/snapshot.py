"""The frozen facts a sales document prints, taken from the order when the
document is issued and never read from the order again.

Amounts are stored as strings of Decimals ("1467.95", VAT included), dates
as ISO dates; the PDF (pdf.py) words and formats them in the document's
language. What is printed, and why (bokføringsforskriften § 5-1-1):

- seller: name, organisation number with "MVA" and "Foretaksregisteret",
  address, contact (settings.SHOP_COMPANY);
- buyer: name, address, e-mail;
- date, the order number, the payment method;
- delivery place (the shipping address) and delivery date. The document is
  issued before the parcel leaves, so the date printed is the expected one:
  the issue date plus the handling and transit days of
  settings.SHOP_SHIPPING_FACTS, counted in working days, as a range. The
  shipped date is in the order's history and the shipped e-mail.
- lines: quantity, unit price incl. VAT, VAT rate, line total; discounts,
  shipping, the total and the VAT in it;
- invoices: due date, bank account and KID.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from oscar.apps.order.abstract_models import AbstractOrderDiscount

from shop.core.money import split_gross


def money(amount) -> str:
    return str(Decimal(amount).quantize(Decimal("0.01")))


def organisation_number(value: str) -> str:
    """The nine digits as "NNN NNN NNN", whatever the setting's spacing."""
    digits = "".join(sign for sign in value if sign.isdigit())
    return " ".join(digits[index : index + 3] for index in range(0, len(digits), 3))


def seller() -> dict:
    company = settings.SHOP_COMPANY
    return {
        "name": company["name"],
        "org_number": organisation_number(company["org_number"]),
        "address": company["address"],
        "email": company["email"],
        "phone": company["phone"],
    }


def address_lines(address) -> list[str]:
    if address is None:
        return []
    return [
        line
        for line in (
            address.salutation,
            address.line1,
            address.line2,
            f"{address.postcode} {address.line4}".strip(),
            str(address.country.printable_name) if address.country_id else "",
        )
        if line
    ]


def buyer(order) -> dict:
    address = order.billing_address or order.shipping_address
    return {
        "name": address.salutation if address else "",
        "address": address_lines(address)[1:],
        "email": order.email,
    }


def add_working_days(start: date, days: int) -> date:
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def expected_delivery(issued: date) -> tuple[date, date]:
    facts = settings.SHOP_SHIPPING_FACTS
    earliest = facts["handling_days"][0] + facts["transit_days"][0]
    latest = facts["handling_days"][1] + facts["transit_days"][1]
    return add_working_days(issued, earliest), add_working_days(issued, latest)


def vat_rate() -> str:
    return str(settings.SHOP_VAT_RATE)


def payment_method(order) -> str:
    """The code of the order's payment source ("invoice", "card", "vipps")."""
    source = order.sources.select_related("source_type").first()
    return source.source_type.code if source else ""


def sale(order, *, issued: date) -> dict:
    """What an invoice or receipt prints of ``order``."""
    discounts = list(order.discounts.all())

    def named(category):
        return [
            {"name": str(d.offer_name or d.description), "amount": money(d.amount)}
            for d in discounts
            if d.category == category
        ]

    shipping_discounts = named(AbstractOrderDiscount.SHIPPING)
    shipping_before = order.shipping_incl_tax + sum(
        Decimal(d["amount"]) for d in shipping_discounts
    )
    earliest, latest = expected_delivery(issued)
    net, vat = split_gross(order.total_incl_tax)
    return {
        "seller": seller(),
        "buyer": buyer(order),
        "order_number": order.number,
        "order_date": order.date_placed.date().isoformat(),
        "payment_method": payment_method(order),
        "delivery": {
            "method": str(order.shipping_method),
            "place": address_lines(order.shipping_address),
            "expected_from": earliest.isoformat(),
            "expected_to": latest.isoformat(),
        },
        "lines": [
            {
                "line_id": line.pk,
                "title": str(line.title),
                "sku": line.partner_sku or line.upc or "",
                "quantity": line.quantity,
                "unit_price": money(line.unit_price_incl_tax),
                "vat_rate": vat_rate(),
                "total": money(line.line_price_before_discounts_incl_tax),
            }
            for line in order.lines.order_by("pk")
        ],
        "products": money(order.basket_total_before_discounts_incl_tax),
        "discounts": named(AbstractOrderDiscount.BASKET),
        "shipping": money(shipping_before),
        "shipping_discounts": shipping_discounts,
        "total": money(order.total_incl_tax),
        "net": money(net),
        "vat": money(vat),
        "vat_rate": vat_rate(),
    }


def credit(order, *, original, lines, shipping, refund: str) -> dict:
    """What a credit note prints: the seller and buyer as the original
    document had them, the credited lines (``[(line, quantity, amount)]``),
    the shipping given back and how the money goes back (``refund``:
    "card", "vipps", "invoice_unpaid" or "invoice_paid")."""
    total = sum((amount for _, _, amount in lines), Decimal(0)) + shipping
    net, vat = split_gross(total)
    return {
        "seller": seller(),
        "buyer": original.snapshot["buyer"],
        "order_number": order.number,
        "order_date": order.date_placed.date().isoformat(),
        "payment_method": original.snapshot["payment_method"],
        "refers_to": {
            "kind": original.kind,
            "number": original.number,
            "issued": original.issued_at.date().isoformat(),
            "kid": original.kid,
        },
        "refund": refund,
        "lines": [
            {
                "line_id": line.pk,
                "title": str(line.title),
                "sku": line.partner_sku or line.upc or "",
                "quantity": quantity,
                "unit_price": money(amount / quantity),
                "vat_rate": vat_rate(),
                "total": money(amount),
            }
            for line, quantity, amount in lines
        ],
        "shipping": money(shipping),
        "total": money(total),
        "net": money(net),
        "vat": money(vat),
        "vat_rate": vat_rate(),
    }
