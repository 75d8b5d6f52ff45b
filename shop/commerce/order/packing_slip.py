"""The packing slip: what the packer puts in the parcel, and where it goes.

No prices: the slip may travel in the parcel, and the money documents go to
the customer by e-mail. Staff read it, so it is in English like admin.
"""

from django.conf import settings
from django.utils import timezone

from shop.core.pdf import Document

PACKER_NOTE = (
    "Check each line off as it goes in. Prices are left out on purpose: the "
    "invoice or receipt reaches the customer by e-mail."
)


def packing_slip_pdf(order) -> bytes:
    document = Document(
        title=f"Packing slip {order.number}",
        author=settings.SHOP_COMPANY["name"],
        language="en",
    )
    document.title_line(f"Packing slip – order {order.number}")
    document.pairs(
        [
            ("Order number", order.number),
            ("Placed", f"{timezone.localtime(order.date_placed):%d.%m.%Y %H:%M}"),
            ("Delivery method", order.shipping_method or "—"),
            *delivery_rows(order),
        ]
    )
    document.heading("Ship to")
    address = order.shipping_address
    if address is None:
        document.paragraph("No shipping address.")
    else:
        document.lines(
            [
                address.name,
                address.line1,
                address.line2,
                f"{address.postcode} {address.line4}".strip(),
                str(address.country.printable_name) if address.country_id else "",
                (
                    f"Mobile: {address.phone_number.as_international}"
                    if address.phone_number
                    else ""
                ),
            ],
            bold_first=True,
        )
    document.heading("Lines")
    document.table(
        ["Packed", "SKU", "Product", "Quantity"],
        [
            ["[  ]", line.partner_sku or line.upc or "", line.title, line.quantity]
            for line in order.lines.order_by("pk")
        ],
        widths=[18, 40, 96, 20],
        align="LLLR",
    )
    document.heading("Note for the packer")
    if address is not None and address.notes:
        document.paragraph(f"The customer asks: {address.notes}")
    document.paragraph(PACKER_NOTE)
    return document.to_bytes()


def delivery_rows(order):
    """The pickup point (with Bring's id, for the label) or the door."""
    choice = order.delivery_choice
    if choice.pickup and choice.point:
        point = choice.point
        address = ", ".join(point.address.splitlines())
        return [("Pickup point", f"{point.name}, {address} (Bring id {point.id})")]
    if choice.pickup:
        return [("Pickup point", "none chosen: the nearest to the address")]
    if choice.leave_at_door:
        return [("Leave at door", "yes, if no one is home (the customer agreed)")]
    return [("Leave at door", "no")]
