"""Refunds: chosen lines and the shipping charge given back, with a credit
note, for a card order through Stripe's Refund API, for a Vipps order
through Vipps' refund call (of money captured when it shipped), for an
invoice order by the credit note alone.

The order of steps, in one transaction, and why:

1. Lock the order row and check what is chosen against what is left to
   credit (bought minus credited before). Two staff members refunding at once
   queue here, and the second sees the first's credit note.
2. Take the credit note's number (locks the credit series, numbering.py).
3. Card orders: ask Stripe to refund, with an idempotency key derived from
   the credit note (the order and the note's place among the order's credit
   notes). If Stripe refuses, nothing has been written: the transaction rolls
   back, the number goes back to the series, and staff read why. Vipps
   orders: the same, with Vipps' refund call and a key derived the same way
   from the Vipps payment and the credit note.
4. Stripe said yes: write the credit note, its lines, stock back (if
   returned), the source's refund, the payment event, the note and the
   customer's e-mail. Only inserts and updates of rows already locked, so
   little can fail between the refund and the commit.

So a credit note never exists without its refund: it is written only after
Stripe has refunded, in the transaction that a refusal rolls back. And a
refund never stays without its record: if anything after step 3 fails, the
error is logged with Stripe's refund id, and doing the same refund again
sends the same idempotency key, so Stripe answers with the refund it already
made (no second refund), and this time it is recorded. Stripe is called
while the order is locked: refunds of one order wait for each other, never
for Stripe's answer to another order.
"""

import logging
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.commerce.documents import numbering, printing
from shop.commerce.documents.issuing import (
    ATTACHMENT_MAKER,
    issue_credit_note,
    sale_document_of,
)
from shop.commerce.documents.models import CreditedLine, SalesDocument, Series
from shop.commerce.outbox import attachments, mail
from shop.commerce.payments import vipps
from shop.commerce.payments.methods import PaymentMethodCode
from shop.commerce.payments.models import VippsPayment
from shop.commerce.payments.stripe_refunds import RefundRefused, refund_card_payment
from shop.commerce.statuses import OrderStatus
from shop.core.money import format_price

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
StockRecord = get_model("partner", "StockRecord")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Refundable:
    """What is left to credit of one order line."""

    line: object
    quantity: int
    amount: Decimal

    def amount_for(self, quantity: int) -> Decimal:
        """The share of what the line cost (after its discounts) for
        ``quantity`` units; the last units take what is left, so the credits
        of a line always add up to what it cost."""
        if quantity == self.quantity:
            return self.amount
        share = self.line.line_price_incl_tax * quantity / self.line.quantity
        return share.quantize(CENT, rounding=ROUND_HALF_UP)


def refundable_lines(order) -> dict[int, Refundable]:
    """Line id → what is left to credit of it."""
    credited = {
        row["line"]: row
        for row in CreditedLine.objects.filter(line__order=order)
        .values("line")
        .annotate(quantity=Sum("quantity"), amount=Sum("amount"))
    }
    left = {}
    for line in order.lines.select_related("stockrecord").order_by("pk"):
        done = credited.get(line.pk, {"quantity": 0, "amount": Decimal(0)})
        left[line.pk] = Refundable(
            line=line,
            quantity=line.quantity - done["quantity"],
            amount=line.line_price_incl_tax - done["amount"],
        )
    return left


def shipping_left(order) -> Decimal:
    """The shipping charge, unless a credit note gave it back already."""
    credited = order.sales_documents.filter(
        kind=SalesDocument.Kind.CREDIT_NOTE, shipping_credited__gt=0
    ).exists()
    return Decimal(0) if credited else order.shipping_incl_tax


def credited_total(order) -> Decimal:
    return order.sales_documents.filter(kind=SalesDocument.Kind.CREDIT_NOTE).aggregate(
        total=Sum("amount")
    )["total"] or Decimal(0)


def plan(order, *, lines: dict, shipping: bool):
    """``([(line, quantity, amount)], shipping amount)`` for what is chosen;
    ValueError, worded for staff, if it is nothing or more than is left."""
    left = refundable_lines(order)
    chosen = []
    for line_id, quantity in lines.items():
        try:
            line_id, quantity = int(line_id), int(quantity)
        except (TypeError, ValueError):
            raise ValueError(f"“{quantity}” is not a number of units.") from None
        if line_id not in left:
            raise ValueError(f"Line {line_id} is not a line of order {order.number}.")
        if quantity < 0:
            raise ValueError("A quantity to refund cannot be negative.")
        if quantity == 0:
            continue
        rest = left[line_id]
        if quantity > rest.quantity:
            raise ValueError(
                f"“{rest.line.title}”: {quantity} chosen, but only "
                f"{rest.quantity} of {rest.line.quantity} bought are left to refund."
            )
        chosen.append((rest.line, quantity, rest.amount_for(quantity)))
    shipping_amount = Decimal(0)
    if shipping:
        shipping_amount = shipping_left(order)
        if not shipping_amount and order.shipping_incl_tax:
            raise ValueError("The shipping charge has been refunded already.")
    if not chosen and not shipping_amount:
        raise ValueError("Nothing to refund: choose at least one unit or the shipping.")
    return chosen, shipping_amount


def idempotency_key(order, position: int) -> str:
    """Stripe's key for the order's ``position``-th credit note: the same
    for a retry of a refund that was not recorded, so Stripe answers with the
    refund it made rather than refunding again."""
    return f"order-{order.number}-credit-note-{position}"


def card_payment_of(order, code=PaymentMethodCode.CARD):
    Source = get_model("payment", "Source")
    return (
        Source.objects.filter(order=order, source_type__code=code)
        .select_for_update()
        .first()
    )


def refund_vipps_payment(order, total, position) -> str:
    """Vipps gives ``total`` back of the captured money; returns the refund's
    reference for the credit note. ValueError, for staff, if Vipps refuses
    or cannot be reached: then nothing is recorded."""
    record = VippsPayment.objects.filter(order_number=order.number).first()
    if record is None:
        raise ValueError(f"Order {order.number} has no Vipps payment to refund.")
    try:
        answer = vipps.refund(
            record.reference,
            total,
            # Per payment and credit note: a retry of a refund that was not
            # recorded gets Vipps' first answer, not a second refund.
            idempotency_key=f"{record.reference}-credit-note-{position}",
        )
    except vipps.VippsRefused as error:
        raise ValueError(
            f"Vipps did not refund the payment: {error}. Nothing was refunded "
            "or recorded."
        ) from error
    except vipps.VippsUnavailable as error:
        raise ValueError(
            f"Vipps could not be reached ({error}). Nothing was recorded: do the "
            "same refund again in a minute (it is never made twice)."
        ) from error
    VippsPayment.objects.filter(pk=record.pk).update(
        refunded_amount=record.refunded_amount + total
    )
    return answer.get("pspReference") or f"{record.reference} refund {position}"


@transaction.atomic
def refund(order, *, lines: dict, shipping: bool, returned: bool, by) -> SalesDocument:
    """Credit ``lines`` (line id → units) and, if ``shipping``, the shipping
    charge of ``order``; refund a card payment through Stripe; put the units
    back in stock if ``returned``. Returns the credit note. Raises ValueError
    with a message for staff, and then nothing is refunded or recorded."""
    # 1. Lock the order; check what is chosen against what is left.
    order = Order.objects.select_for_update(of=("self",)).get(pk=order.pk)
    original = sale_document_of(order)
    if original is None:
        raise ValueError(
            f"Order {order.number} has no invoice or receipt yet (unpaid card "
            "order?), so there is nothing to credit."
        )
    chosen, shipping_amount = plan(order, lines=lines, shipping=shipping)
    if returned and order.status != OrderStatus.SHIPPED:
        raise ValueError(
            f"Order {order.number} has not been shipped, so no units can come "
            "back to stock. Refund without “returned to stock”."
        )
    total = sum((amount for _, _, amount in chosen), Decimal(0)) + shipping_amount
    position = (
        order.sales_documents.filter(kind=SalesDocument.Kind.CREDIT_NOTE).count() + 1
    )

    # 2. The credit note's number.
    number = numbering.take_number(Series.CREDIT)

    # 3. The money back: Stripe for a card; an invoice is credited.
    method = original.snapshot["payment_method"]
    reference, owed_after = "", None
    source = None
    if method == PaymentMethodCode.CARD:
        source = card_payment_of(order)
        if source is None or not source.reference:
            raise ValueError(f"Order {order.number} has no card payment to refund.")
        try:
            stripe_refund = refund_card_payment(
                source.reference,
                total,
                idempotency_key=idempotency_key(order, position),
            )
        except RefundRefused as error:
            raise ValueError(
                f"Stripe did not refund the payment: {error} Nothing was refunded "
                "or recorded."
            ) from error
        reference, how = stripe_refund["id"], "card"
    elif method == PaymentMethodCode.VIPPS:
        source = card_payment_of(order, PaymentMethodCode.VIPPS)
        reference, how = refund_vipps_payment(order, total, position), "vipps"
    elif order.status == OrderStatus.AWAITING_PAYMENT:
        how = "invoice_unpaid"
        owed_after = order.total_incl_tax - credited_total(order) - total
    else:
        how = "invoice_paid"

    # 4. The record of it.
    try:
        document = issue_credit_note(
            order,
            original=original,
            lines=chosen,
            shipping=shipping_amount,
            refund=how,
            returned=returned,
            reference=reference,
            number=number,
            owed_after=owed_after,
        )
        if returned:
            for line, quantity, _ in chosen:
                StockRecord.objects.filter(pk=line.stockrecord_id).update(
                    num_in_stock=F("num_in_stock") + quantity
                )
        if source is not None:
            source.refund(total, reference=reference)
        record_payment_event(order, document, chosen)
        OrderNote.objects.create(
            order=order,
            user=by,
            note_type=OrderNote.SYSTEM,
            message=staff_note(order, document, chosen, how, owed_after),
        )
        queue_credit_note_email(order, document)
    except Exception:
        if reference:
            logger.exception(
                "Refund %s for order %s was made but not recorded; doing the "
                "same refund again records it without refunding twice.",
                reference,
                order.number,
            )
        raise
    return document


def record_payment_event(order, document, chosen) -> None:
    event_type, _ = PaymentEventType.objects.get_or_create(
        code="refunded", defaults={"name": "Refunded"}
    )
    event = order.payment_events.create(
        event_type=event_type,
        amount=document.amount,
        reference=document.refund_reference or f"Credit note {document.number}",
    )
    PaymentEventQuantity.objects.bulk_create(
        PaymentEventQuantity(event=event, line=line, quantity=quantity)
        for line, quantity, _ in chosen
    )


def staff_note(order, document, chosen, how, owed_after) -> str:
    """In English, as staff read the admin."""
    with translation.override("en"):
        amount = format_price(document.amount, order.currency)
        what = [f"{quantity} × {line.title}" for line, quantity, _ in chosen]
        if document.shipping_credited:
            what.append("shipping")
        money = {
            "card": f"Refunded to the card by Stripe ({document.refund_reference}).",
            "vipps": f"Refunded through Vipps ({document.refund_reference}).",
            "invoice_unpaid": (
                f"Taken off the unpaid invoice {document.refers_to.number}: "
                f"{format_price(owed_after, order.currency)} is now owed, "
                f"with KID {document.refers_to.kid}."
            )
            if owed_after is not None
            else "",
            "invoice_paid": (
                "The invoice was paid: pay the amount back to the customer by "
                "bank transfer."
            ),
        }[how]
    stock = " The units are back in stock." if document.returned_to_stock else ""
    return (
        f"Credit note {document.number} for {amount} ({', '.join(what)}), "
        f"crediting {document.refers_to}. {money}{stock}"
    )


def queue_credit_note_email(order, document) -> None:
    with translation.override(order.language):
        context = {
            "order": order,
            "document": document,
            "refund_text": printing.refund_text(document),
            "company": settings.SHOP_COMPANY,
        }
        mail.queue(
            to=[order.email],
            subject=_("Credit note %(number)s for order %(order)s – %(shop)s")
            % {
                "number": document.number,
                "order": order.number,
                "shop": settings.OSCAR_SHOP_NAME,
            },
            template="emails/credit_note",
            context=context,
            attachments=[attachments.describe(ATTACHMENT_MAKER, pk=document.pk)],
        )
