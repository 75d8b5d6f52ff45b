"""The withdrawal form (angreskjema) as a PDF, filled in with an order's
details, attached to every order confirmation.

It follows the model form in the annex to the regulation on the Right of
Withdrawal Act (angrerettloven), part for part and in our own words: whom
it goes to, the notice of withdrawal and the goods, ordered and received on,
the consumer's name and address, the date, and a signature only on paper.
What the shop knows is filled in; the customer adds the day the goods came,
the date and, on paper, a signature.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.commerce.outbox.attachments import Attachment
from shop.core.pdf import Document

Order = get_model("order", "Order")

ATTACHMENT = "withdrawals.form"
BLANK = "_" * 40


def form_attachment(order_pk: int) -> Attachment:
    """The outbox's maker: the form of order ``order_pk``, in its language."""
    order = Order.objects.select_related("shipping_address__country").get(pk=order_pk)
    with translation.override(order.language):
        return Attachment(
            filename=_("withdrawal-form-%(number)s.pdf") % {"number": order.number},
            content=withdrawal_form_pdf(order),
        )


def withdrawal_form_pdf(order: Order) -> bytes:
    """The form for ``order`` in the active language."""
    company = settings.SHOP_COMPANY
    page_url = settings.SHOP_SITE_URL + reverse("withdrawal")
    document = Document(
        title=_("Withdrawal form"),
        author=company["name"],
        language=translation.get_language(),
    )
    document.title_line(_("Withdrawal form"))
    document.paragraph(
        _(
            "Fill in and send this form only if you want to withdraw from your "
            "purchase. You may also withdraw on our withdrawal page, %(url)s, or "
            "tell us by e-mail in your own words."
        )
        % {"url": page_url}
    )

    document.heading(_("To"))
    document.lines(
        [company["name"], company["address"], company["email"]], bold_first=True
    )

    document.heading(_("Notice of withdrawal"))
    document.paragraph(
        _(
            "I hereby give notice that I withdraw from my contract of sale of "
            "the following goods:"
        )
    )
    document.ln(1)
    document.table(
        [_("Quantity"), _("Product"), _("SKU")],
        [
            [str(line.quantity), line.title, line.partner_sku or ""]
            for line in order.lines.all()
        ],
        widths=[22, 110, 42],
        align="RLL",
    )
    document.ln(2)
    document.pairs(
        [
            (_("Order number"), order.number),
            (
                _("Ordered on"),
                formats.date_format(
                    timezone.localtime(order.date_placed), "DATE_FORMAT"
                ),
            ),
            (_("Received on"), BLANK),
        ]
    )

    document.heading(_("Consumer"))
    address = order.shipping_address
    document.pairs(
        [
            (_("Name"), address.name if address else ""),
            (_("Address"), postal_address(address)),
        ]
    )
    document.ln(4)
    document.pairs(
        [
            (_("Date"), BLANK),
            (_("Signature (only if this form is sent on paper)"), BLANK),
        ],
        label_width=85,
    )
    return document.to_bytes()


def postal_address(address) -> str:
    if address is None:
        return ""
    town = " ".join(part for part in (address.postcode, address.line4) if part)
    parts = [address.line1, address.line2, address.line3, town]
    return ", ".join(part for part in parts if part)
