"""Issuing sales documents: the invoice of an invoice order when it is placed,
the receipt of a card order when it is paid (both called from
shop/commerce/placing.py, inside the transaction that places or confirms the
order), the receipt of a Vipps order when its money is captured, as it ships
(shop/commerce/order/handling.py: approving in Vipps only reserves it), and
credit notes for refunds (refunds.py). The order's payment source decides:
an invoice source gets an invoice, any other a receipt.

Each runs in the caller's transaction: the number is taken there
(numbering.py), so if the order is rolled back, so is its document.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from shop.commerce.documents import numbering, snapshot
from shop.commerce.documents.kid import kid_for
from shop.commerce.documents.models import SalesDocument, Series
from shop.commerce.outbox import attachments
from shop.commerce.payments.methods import PaymentMethodCode

Kind = SalesDocument.Kind
ATTACHMENT_MAKER = "documents.sales_document"


def sale_document_of(order) -> SalesDocument | None:
    """The order's invoice or receipt, if one is issued."""
    return order.sales_documents.exclude(kind=Kind.CREDIT_NOTE).order_by("pk").first()


@transaction.atomic
def issue_sales_document(order) -> SalesDocument:
    """The order's invoice (paid by invoice) or receipt (paid by card or
    Vipps), issued once: a second call returns the document already issued.
    A Vipps order gets its receipt only once the money is taken."""
    existing = sale_document_of(order)
    if existing is not None:
        return existing
    now = timezone.now()
    facts = snapshot.sale(order, issued=timezone.localdate(now))
    is_invoice = facts["payment_method"] == PaymentMethodCode.INVOICE
    if facts["payment_method"] == PaymentMethodCode.VIPPS and not _captured(order):
        raise ValueError(
            f"Order {order.number}: a Vipps payment is receipted when it is "
            "captured, and nothing is captured yet."
        )
    extra = {}
    if is_invoice:
        due = timezone.localdate(now) + timedelta(days=settings.SHOP_INVOICE_DUE_DAYS)
        extra = {"due_date": due, "kid": kid_for(order.number)}
        facts["invoice"] = {
            "due_date": due.isoformat(),
            "kid": extra["kid"],
            "bank_account": settings.SHOP_COMPANY["bank_account"],
        }
    # The number last, just before the row is written: the sequence stays
    # locked from here to the commit, and the shorter that is, the less
    # other orders wait.
    return SalesDocument.objects.create(
        kind=Kind.INVOICE if is_invoice else Kind.RECEIPT,
        series=Series.SALES,
        number=numbering.take_number(Series.SALES),
        order=order,
        issued_at=now,
        amount=order.total_incl_tax,
        currency=order.currency,
        language=order.language,
        snapshot=facts,
        **extra,
    )


def _captured(order) -> bool:
    source = order.sources.filter(source_type__code=PaymentMethodCode.VIPPS).first()
    return source is not None and source.amount_debited >= order.total_incl_tax


def issue_credit_note(
    order,
    *,
    original,
    lines,
    shipping,
    refund,
    returned,
    reference,
    number,
    owed_after=None,
) -> SalesDocument:
    """A credit note for ``lines`` (``[(line, quantity, amount)]``) and
    ``shipping`` given back, numbered ``number`` (taken by the caller in the
    same transaction, see refunds.py)."""
    facts = snapshot.credit(
        order, original=original, lines=lines, shipping=shipping, refund=refund
    )
    if owed_after is not None:
        facts["owed_after"] = snapshot.money(owed_after)
    document = SalesDocument.objects.create(
        kind=Kind.CREDIT_NOTE,
        series=Series.CREDIT,
        number=number,
        order=order,
        issued_at=timezone.now(),
        refers_to=original,
        amount=Decimal(facts["total"]),
        currency=order.currency,
        language=order.language,
        shipping_credited=shipping,
        returned_to_stock=returned,
        refund_reference=reference,
        snapshot=facts,
    )
    document.credited_lines.bulk_create(
        document.credited_lines.model(
            credit_note=document, line=line, quantity=quantity, amount=amount
        )
        for line, quantity, amount in lines
    )
    return document


def confirmation_attachments(document: SalesDocument | None) -> list[dict]:
    """What the order confirmation carries of ``sale_document_of(order)``:
    the invoice or receipt, once one is issued."""
    if document is None:
        return []
    return [attachments.describe(ATTACHMENT_MAKER, pk=document.pk)]
