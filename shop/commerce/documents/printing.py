"""The PDF of a sales document, written from its snapshot in its language
(the order's), with the shop's one page layout (shop/core/pdf.py).

Made when asked for (a download, an e-mail being sent), never stored: the
snapshot is the document, and the same snapshot always prints the same facts.
"""

from datetime import date
from decimal import Decimal

from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from shop.commerce.documents.models import SalesDocument
from shop.commerce.outbox.attachments import Attachment
from shop.core.money import format_price, vat_percent
from shop.core.pdf import Document

Kind = SalesDocument.Kind
# The register every Norwegian limited company is in; printed as its name.
BUSINESS_REGISTER = "Foretaksregisteret"


def title_of(kind: str) -> str:
    """The document's name in the active language."""
    return {
        Kind.INVOICE: _("Invoice"),
        Kind.RECEIPT: _("Receipt"),
        Kind.CREDIT_NOTE: _("Credit note"),
    }[kind]


def filename_of(document: SalesDocument) -> str:
    """``faktura-10001.pdf``, ``invoice-10001.pdf``: in the document's language."""
    with translation.override(document.language):
        return f"{slugify(title_of(document.kind))}-{document.number}.pdf"


def payment_method_name(code: str) -> str:
    return {"invoice": _("Invoice"), "card": _("Card"), "vipps": _("Vipps")}.get(
        code, code
    )


def day(iso: str) -> str:
    return formats.date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT")


def pdf_of(document: SalesDocument) -> bytes:
    with translation.override(document.language):
        return _write(document)


def attachment(pk: int) -> Attachment:
    """The outbox's maker "documents.sales_document"."""
    document = SalesDocument.objects.get(pk=pk)
    return Attachment(filename_of(document), pdf_of(document))


def _write(document: SalesDocument) -> bytes:
    facts = document.snapshot
    currency = document.currency
    credit = document.is_credit_note
    seller = facts["seller"]

    def price(amount, *, credited=False):
        written = format_price(Decimal(amount), currency)
        return f"−{written}" if credited and Decimal(amount) else written

    title = f"{title_of(document.kind)} {document.number}"
    pdf = Document(title=title, author=seller["name"], language=document.language)
    pdf.title_line(title)
    pdf.lines(
        [
            seller["name"],
            seller["address"],
            _("Org. no. %(number)s MVA") % {"number": seller["org_number"]},
            BUSINESS_REGISTER,
            seller["email"],
            seller["phone"],
        ],
        bold_first=True,
    )
    pdf.heading(_("Customer"))
    buyer = facts["buyer"]
    pdf.lines([buyer["name"], *buyer["address"], buyer["email"]])
    pdf.ln(3)

    pairs = [
        (_("Date"), day(timezone.localdate(document.issued_at).isoformat())),
        (_("Order number"), facts["order_number"]),
        (_("Order date"), day(facts["order_date"])),
        (_("Payment method"), payment_method_name(facts["payment_method"])),
    ]
    if credit:
        original = facts["refers_to"]
        pairs.append(
            (
                _("Credit for"),
                f"{title_of(original['kind'])} {original['number']} "
                f"({day(original['issued'])})",
            )
        )
    else:
        delivery = facts["delivery"]
        pairs += [
            (_("Delivery"), delivery["method"]),
            (_("Delivery place"), ", ".join(delivery["place"])),
            (
                _("Expected delivery"),
                f"{day(delivery['expected_from'])}–{day(delivery['expected_to'])}",
            ),
        ]
    if document.kind == Kind.INVOICE:
        pairs.append((_("Due date"), day(facts["invoice"]["due_date"])))
    pdf.pairs(pairs)
    pdf.ln(3)

    percent = f"{vat_percent(Decimal(facts['vat_rate']))}\xa0%"
    pdf.table(
        [_("Product"), _("Quantity"), _("Unit price incl. VAT"), _("VAT"), _("Amount")],
        [
            [
                line["title"],
                line["quantity"],
                price(line["unit_price"]),
                f"{vat_percent(Decimal(line['vat_rate']))}\xa0%",
                price(line["total"], credited=credit),
            ]
            for line in facts["lines"]
        ],
        widths=[78, 16, 34, 14, 32],
        align="LRRRR",
    )
    pdf.ln(2)

    rows = []
    if credit:
        if Decimal(facts["shipping"]):
            rows.append((_("Shipping"), price(facts["shipping"], credited=True)))
        rows += [
            (_("Total credited"), price(facts["total"], credited=True)),
            (
                _("Of which VAT (%(rate)s)") % {"rate": percent},
                price(facts["vat"], credited=True),
            ),
            (_("Total excl. VAT"), price(facts["net"], credited=True)),
        ]
    else:
        rows.append((_("Products"), price(facts["products"])))
        rows += [(d["name"], f"−{price(d['amount'])}") for d in facts["discounts"]]
        rows.append((_("Shipping"), price(facts["shipping"])))
        rows += [
            (d["name"], f"−{price(d['amount'])}") for d in facts["shipping_discounts"]
        ]
        rows += [
            (_("Total"), price(facts["total"])),
            (_("Of which VAT (%(rate)s)") % {"rate": percent}, price(facts["vat"])),
            (_("Total excl. VAT"), price(facts["net"])),
        ]
    pdf.table(["", ""], rows, widths=[142, 32], align="LR")

    if document.kind == Kind.INVOICE:
        invoice = facts["invoice"]
        pdf.heading(_("Payment"))
        pdf.pairs(
            [
                (_("Amount due"), price(facts["total"])),
                (_("Account number"), invoice["bank_account"]),
                ("KID", invoice["kid"]),
                (_("Due date"), day(invoice["due_date"])),
            ]
        )
        pdf.paragraph(
            _("Please pay with the KID number, so the payment finds your order.")
        )
    elif document.kind == Kind.RECEIPT:
        pdf.heading(_("Payment"))
        paid_on = day(timezone.localdate(document.issued_at).isoformat())
        if facts["payment_method"] == "vipps":
            pdf.paragraph(_("Paid with Vipps on %(date)s.") % {"date": paid_on})
        else:
            pdf.paragraph(_("Paid by card on %(date)s.") % {"date": paid_on})
    else:
        pdf.heading(pgettext("credit note", "Refund"))
        pdf.paragraph(refund_text(document))
    return pdf.to_bytes()


def refund_text(document: SalesDocument) -> str:
    """How a credit note's money goes back, in the active language."""
    facts = document.snapshot

    def price(amount):
        return format_price(Decimal(amount), document.currency)

    if facts["refund"] == "card":
        return _("The amount is paid back to the card you paid with.")
    if facts["refund"] == "vipps":
        return _("The amount is paid back through Vipps, to the account you paid from.")
    if facts["refund"] == "invoice_unpaid" and not Decimal(facts["owed_after"]):
        return _("Invoice %(number)s is credited in full: you have nothing to pay.") % {
            "number": facts["refers_to"]["number"]
        }
    if facts["refund"] == "invoice_unpaid":
        return _(
            "The amount is taken off invoice %(number)s: please pay %(owed)s "
            "instead, with the same KID %(kid)s."
        ) % {
            "number": facts["refers_to"]["number"],
            "owed": price(facts["owed_after"]),
            "kid": facts["refers_to"]["kid"],
        }
    return _("We pay the amount back to you and will contact you about how.")
