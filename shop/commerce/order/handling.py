"""Staff move an order along its status pipeline: paid, shipped, cancelled.

Each step is a function the order's admin page and its list actions call.
Only the moves ``OSCAR_ORDER_STATUS_PIPELINE`` allows are made; any other is
refused with a ``HandlingRefused`` whose text admin shows. Oscar's
``Order.set_status`` records each change (its status history) and sends the
signal that keeps stock in step (shop/commerce/orders.py: cancelling gives
the units back, shipping takes them out of stock). Every step also leaves a
note naming the staff member, as the order's audit trail.

A Vipps order's money is only reserved until it ships: shipping captures it
at Vipps first, then issues the receipt the shipped e-mail carries;
cancelling releases the reservation at Vipps first. If Vipps refuses or
cannot be reached, the step is refused and nothing changes. Vipps is called
while the order's row is locked and before anything is written, and the
Idempotency-Key is derived from the payment, so doing the step again after a
timeout never captures or cancels twice.
"""

import re

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.commerce import orders, placing
from shop.commerce.documents.issuing import (
    confirmation_attachments,
    issue_sales_document,
)
from shop.commerce.outbox import mail
from shop.commerce.payments import vipps
from shop.commerce.payments.methods import PaymentMethodCode
from shop.commerce.payments.models import VippsPayment
from shop.commerce.statuses import OrderStatus

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
ShippingEventType = get_model("order", "ShippingEventType")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

# Carriers' numbers are letters and digits (Posten: "70730259304981234",
# "CC123456789NO"), sometimes grouped with spaces or hyphens when copied.
TRACKING_NUMBER = re.compile(r"[A-Z0-9-]{4,64}")


class HandlingRefused(Exception):
    """A step the order's status does not allow, or bad input; the text is
    for staff."""


def may_become(order: Order, status: OrderStatus) -> bool:
    return status in order.available_statuses()


def mark_paid(order: Order, *, by, reference: str = "") -> Order:
    """The customer paid the whole total (an invoice paid into the bank
    account, or a card payment staff checked in Stripe): recorded against
    the order's payment source, as a card payment is (orders.record_payment)."""
    with transaction.atomic():
        order = _locked(order, OrderStatus.PAID)
        if _vipps_payment_of(order) is not None:
            raise HandlingRefused(
                f"Order {order.number} is paid with Vipps: the money is taken "
                "when you mark it shipped, not by marking it paid."
            )
        source = order.sources.select_related("source_type").first()
        if source is None:
            source = _new_source(order)
        reference = reference.strip() or order.number
        orders.record_payment(
            order, source, amount=order.total_incl_tax, reference=reference
        )
        old_status = order.status
        order.set_status(OrderStatus.PAID)
        _note(order, by, f"Marked paid ({old_status} → Paid), reference {reference}.")
    return order


def mark_shipped(order: Order, *, tracking_number: str, by) -> Order:
    """The parcel left: its tracking number is kept, every line is shipped
    (one shipping event), the units leave stock, and the customer gets the
    shipped e-mail with the tracking link, in the order's language."""
    number = clean_tracking_number(tracking_number)
    with transaction.atomic():
        order = _locked(order, OrderStatus.SHIPPED)
        receipt = None
        if (record := _vipps_payment_of(order)) is not None:
            _capture_at_vipps(order, record, by)
            receipt = issue_sales_document(order)  # the receipt, now it is paid
        order.tracking_number = number
        order.save(update_fields=["tracking_number"])
        event_type, _ = ShippingEventType.objects.get_or_create(
            code="shipped", defaults={"name": "Shipped"}
        )
        event = order.shipping_events.create(
            event_type=event_type, notes=f"Tracking number {number}"
        )
        for line in order.lines.all():
            event.line_quantities.create(line=line, quantity=line.quantity)
        order.set_status(OrderStatus.SHIPPED)
        _note(order, by, f"Marked shipped, tracking number {number}.")
        queue_shipped_email(order, receipt=receipt)
    return order


def cancel(order: Order, *, by) -> Order:
    """The order will not be delivered: its units go back in stock. Money
    already received is refunded separately (credit note or card refund); a
    Vipps reservation is released at Vipps first (nothing was taken, so
    there is nothing to credit)."""
    with transaction.atomic():
        order = _locked(order, OrderStatus.CANCELLED)
        if (record := _vipps_payment_of(order)) is not None:
            _cancel_at_vipps(order, record, by)
        old_status = order.status
        order.set_status(OrderStatus.CANCELLED)
        _note(order, by, f"Cancelled (was {old_status}); its units are back in stock.")
    return order


def clean_tracking_number(value: str) -> str:
    number = re.sub(r"\s+", "", value or "").upper()
    if not TRACKING_NUMBER.fullmatch(number):
        raise HandlingRefused(
            "Enter the carrier's tracking number: 4 to 64 letters, digits or hyphens."
        )
    return number


def queue_shipped_email(order: Order, *, receipt=None) -> None:
    """The customer's "on its way" e-mail with the tracking link, in the
    order's language, through the outbox (sent once the step commits). A
    Vipps order's receipt, issued as the parcel ships, goes with it."""
    context = {
        "order": order,
        "company": settings.SHOP_COMPANY,
        "site_url": settings.SHOP_SITE_URL,
        "receipt": receipt,
    }
    with translation.override(order.language):
        mail.queue(
            to=[order.email],
            subject=_("Order %(number)s is on its way – %(shop)s")
            % {"number": order.number, "shop": settings.OSCAR_SHOP_NAME},
            template="emails/order_shipped",
            context=context,
            attachments=confirmation_attachments(receipt),
        )


def _locked(order: Order, new_status: OrderStatus) -> Order:
    """The order's row, locked for the step, if its status allows the move:
    two staff members pressing at once make one change, and the second is
    refused."""
    order = Order.objects.select_for_update(of=("self",)).get(pk=order.pk)
    if not may_become(order, new_status):
        raise HandlingRefused(
            f"Order {order.number} is {order.status}: it cannot become {new_status}."
        )
    return order


def _vipps_payment_of(order: Order) -> VippsPayment | None:
    """The Vipps payment of a Vipps order (pending or reserved), if it is one."""
    if order.status not in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_RESERVED):
        return None
    return VippsPayment.objects.filter(order_number=order.number).first()


def _capture_at_vipps(order: Order, record: VippsPayment, by) -> None:
    """Take the reserved money: all that is not captured yet. Then the
    order's Vipps source is debited and a "paid" payment event recorded."""
    if order.status != OrderStatus.PAYMENT_RESERVED:
        raise HandlingRefused(
            f"Order {order.number} is not approved in Vipps yet: nothing to capture."
        )
    amount = order.total_incl_tax - record.captured_amount
    try:
        answer = vipps.capture(
            record.reference, amount, idempotency_key=f"{record.reference}-capture"
        )
    except vipps.VippsRefused as error:
        raise HandlingRefused(
            f"Vipps did not capture the payment of order {order.number}: {error}. "
            "The order is not marked shipped; check the payment in Vipps' portal."
        ) from error
    except vipps.VippsUnavailable as error:
        raise HandlingRefused(
            f"Vipps could not be reached to capture the payment of order "
            f"{order.number} ({error}). The order is not marked shipped: try "
            "again in a minute (the money is never taken twice)."
        ) from error
    captured = record.captured_amount + amount
    VippsPayment.objects.filter(pk=record.pk).update(captured_amount=captured)
    placing.remember_vipps_state(record.reference, answer)
    source = order.sources.select_for_update().get(
        source_type__code=PaymentMethodCode.VIPPS
    )
    reference = answer.get("pspReference") or record.reference
    orders.record_payment(order, source, amount=amount, reference=reference)
    _note(order, by, f"Vipps payment {record.reference} captured ({amount} NOK).")


def _cancel_at_vipps(order: Order, record: VippsPayment, by) -> None:
    """Release the reservation (or close a payment not yet approved, so it
    can no longer be). A payment Vipps has closed already needs nothing."""
    try:
        answer = vipps.cancel(
            record.reference, idempotency_key=f"{record.reference}-cancel"
        )
        placing.remember_vipps_state(record.reference, answer)
    except vipps.VippsRefused as error:
        try:
            state = vipps.get_payment(record.reference).get("state")
        except (vipps.VippsRefused, vipps.VippsUnavailable):
            state = None
        closed = (
            vipps.PaymentState.ABORTED,
            vipps.PaymentState.EXPIRED,
            vipps.PaymentState.TERMINATED,
        )
        if state not in closed:
            raise HandlingRefused(
                f"Vipps did not cancel the payment of order {order.number}: "
                f"{error}. The order is not cancelled; check it in Vipps' portal."
            ) from error
    except vipps.VippsUnavailable as error:
        raise HandlingRefused(
            f"Vipps could not be reached to release the payment of order "
            f"{order.number} ({error}). The order is not cancelled: try again "
            "in a minute."
        ) from error
    _note(order, by, f"Vipps payment {record.reference} cancelled at Vipps.")


def _new_source(order: Order):
    """An order placed before its payment source was recorded: an unpaid
    card order (Pending payment) was to be paid by card, any other by invoice."""
    if order.status == OrderStatus.PENDING_PAYMENT:
        code, name = PaymentMethodCode.CARD, "Card (Stripe)"
    else:
        code, name = PaymentMethodCode.INVOICE, "Invoice"
    source_type, _ = SourceType.objects.get_or_create(
        code=code, defaults={"name": name}
    )
    return Source(
        source_type=source_type,
        currency=order.currency,
        amount_allocated=order.total_incl_tax,
        reference=order.number,
    )


def _note(order: Order, by, message: str) -> None:
    OrderNote.objects.create(
        order=order, user=by, message=message, note_type=OrderNote.SYSTEM
    )
