"""What happens to an order after it is placed: payment, stock, e-mails.

Status changes (from the checkout, Stripe, or staff in the dashboard) go
through Oscar's ``Order.set_status``, which records each change; the receiver
here keeps the stock in step: cancelling releases the units an order held,
shipping takes them out of stock. Orders outlive their customer's account,
and keep the customer's e-mail when it is deleted.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from shop.commerce.outbox import mail
from shop.core.money import format_price

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

PENDING_PAYMENT = "Pending payment"
AWAITING_PAYMENT = "Awaiting payment"
PAID = "Paid"
SHIPPED = "Shipped"
CANCELLED = "Cancelled"


def release_or_consume_stock(sender, order, old_status, new_status, **kwargs):
    """Cancelling gives the held units back; shipping takes them out of stock."""
    if new_status not in (CANCELLED, SHIPPED) or old_status == SHIPPED:
        return
    for line in order.lines.select_related("stockrecord__product__product_class"):
        if line.stockrecord is None:
            continue
        if new_status == CANCELLED:
            line.stockrecord.cancel_allocation(line.quantity)
        else:
            line.stockrecord.consume_allocation(line.quantity)


def keep_email_on_orders(sender, instance, **kwargs):
    """An account's orders stay (they belong to the accounts) with no user;
    Oscar's ``Order.email`` then reads ``guest_email``, so it gets the address
    staff need to reach the customer about an unpaid or returned order."""
    if instance.email:
        Order.objects.filter(user=instance, guest_email="").update(
            guest_email=instance.email
        )


def note(order, message, user=None):
    OrderNote.objects.create(
        order=order, user=user, message=message, note_type=OrderNote.SYSTEM
    )


def queue_order_emails(order):
    """The customer's confirmation and the staff notification, via the outbox."""
    context = {
        "order": order,
        "company": settings.SHOP_COMPANY,
        "site_url": settings.SHOP_SITE_URL,
    }
    mail.queue(
        to=[order.email],
        subject=f"Order {order.number} is confirmed – {settings.OSCAR_SHOP_NAME}",
        template="emails/order_confirmation",
        context=context,
    )
    mail.queue(
        to=settings.SHOP_ORDER_NOTIFICATION_EMAILS,
        subject=f"New order {order.number} ({order.status})",
        template="emails/order_notification",
        context=context,
    )


@transaction.atomic
def confirm_card_payment(order_number, *, amount, currency, reference, via):
    """Mark a card order paid, once, whatever path (return, webhook,
    reconciliation) gets here first, if the payment is the order's total in
    the order's currency. Returns the order (still pending when the payment
    does not match it), or None if there is no such order."""
    order = (
        Order.objects.select_for_update(of=("self",))
        .filter(number=order_number)
        .select_related("basket")
        .first()
    )
    if order is None:
        logger.error("Card payment %s for unknown order %s", reference, order_number)
        return None
    if order.status != PENDING_PAYMENT:
        return order
    if amount != order.total_incl_tax or currency != order.currency:
        leave_mismatch_for_staff(order, amount, currency, reference, via)
        return order
    source_type, _ = SourceType.objects.get_or_create(
        code="card", defaults={"name": "Card (Stripe)"}
    )
    source = Source.objects.create(
        order=order,
        source_type=source_type,
        currency=order.currency,
        amount_allocated=amount,
        reference=reference,
    )
    source.debit(amount, reference=reference)
    event_type, _ = PaymentEventType.objects.get_or_create(
        code="paid", defaults={"name": "Paid"}
    )
    order.payment_events.create(
        event_type=event_type, amount=amount, reference=reference
    )
    order.set_status(PAID)
    note(order, f"Card payment {reference} confirmed ({via}).")
    if order.basket and order.basket.status != order.basket.SUBMITTED:
        order.basket.submit()
    queue_order_emails(order)
    return order


def leave_mismatch_for_staff(order, amount, currency, reference, via):
    """A payment that is not the order's total is never taken as payment:
    the order stays pending (its stock held) until staff look at it."""
    if amount is None:
        paid = "nothing"
    elif not currency:
        paid = f"{amount} in no currency"
    else:
        paid = format_price(amount, currency)
    total = format_price(order.total_incl_tax, order.currency)
    message = (
        f"Stripe reports a card payment of {paid} ({reference}), which does not "
        f"match the order's total of {total}. "
        "The order is not marked paid: check the payment in Stripe's dashboard, "
        "then mark the order paid, or cancel it and refund the payment."
    )
    if order.notes.filter(message=message).exists():
        return  # already seen by another path (webhook, return, reconciliation)
    note(order, message)
    logger.error(
        "Card payment %s for order %s does not match: Stripe reports %s %s, the "
        "order is %s %s (%s). Left pending for staff.",
        reference,
        order.number,
        amount,
        currency,
        order.total_incl_tax,
        order.currency,
        via,
    )


@transaction.atomic
def discard_unpaid_order(order_number, *, why):
    """Undo a card order whose payment did not happen: its stock is released,
    its basket is open again, and the order is removed, so a declined or
    abandoned payment leaves no order behind. Paid orders are never touched."""
    order = (
        Order.objects.select_for_update(of=("self",))
        .filter(number=order_number, status=PENDING_PAYMENT)
        .select_related("basket")
        .first()
    )
    if order is None:
        return None
    for line in order.lines.select_related("stockrecord__product__product_class"):
        if line.stockrecord is not None:
            line.stockrecord.cancel_allocation(line.quantity)
    basket = order.basket
    if basket is not None and basket.status == basket.FROZEN:
        basket.thaw()
    logger.info("Order %s removed: %s", order_number, why)
    order.delete()
    return basket


def connect_signals():
    """Called by the checkout app's ready()."""
    # Oscar sends this signal with the order itself as sender, so no filter.
    order_status_changed.connect(release_or_consume_stock, dispatch_uid="orders.stock")
    # Before Django's collector sets the orders' user to NULL: the profile's
    # "delete" page, admin, and any other delete of a user all come through here.
    pre_delete.connect(
        keep_email_on_orders,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="orders.keep_email",
    )
