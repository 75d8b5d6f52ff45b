"""What happens to an order once it is placed (shop/commerce/placing.py
places it and settles its card payment): stock, notes, the customer's e-mail.

Status changes (from the checkout, Stripe, or staff in admin) go
through Oscar's ``Order.set_status``, which records each change; the receiver
here keeps the stock in step: cancelling releases the units an order held,
shipping takes them out of stock. Orders outlive their customer's account:
what they keep of the customer, and for how long, is
shop/commerce/order_privacy.py.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from shop.commerce.statuses import OrderStatus

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
PaymentEventType = get_model("order", "PaymentEventType")


def release_or_consume_stock(sender, order, old_status, new_status, **kwargs):
    """Cancelling gives the held units back; shipping takes them out of stock."""
    if (
        new_status not in (OrderStatus.CANCELLED, OrderStatus.SHIPPED)
        or old_status == OrderStatus.SHIPPED
    ):
        return
    for line in order.lines.select_related("stockrecord__product__product_class"):
        if line.stockrecord is None:
            continue
        if new_status == OrderStatus.CANCELLED:
            line.stockrecord.cancel_allocation(line.quantity)
        else:
            line.stockrecord.consume_allocation(line.quantity)


def note(order: Order, message: str) -> None:
    """A system note on the order, for staff on its admin page."""
    OrderNote.objects.create(order=order, message=message, note_type=OrderNote.SYSTEM)


def note_once(order: Order, message: str) -> bool:
    """``note``, unless the order already has that very note (another path,
    such as a webhook or the reconciliation, wrote it first); says whether
    it wrote it."""
    if order.notes.filter(message=message).exists():
        return False
    note(order, message)
    return True


def record_payment(order: Order, source, *, amount, reference: str) -> None:
    """Money received for ``order`` through its payment ``source`` (saved
    here if new): the source is debited and the order gets a "paid" payment
    event. Card payments (placing.py) and staff marking an invoice paid
    (order/handling.py) record it the same way."""
    if source.pk is None:
        source.order = order
        source.save()
    source.debit(amount, reference=reference)
    event_type, _ = PaymentEventType.objects.get_or_create(
        code="paid", defaults={"name": "Paid"}
    )
    order.payment_events.create(
        event_type=event_type, amount=amount, reference=reference
    )


def order_page_url(order: Order) -> str:
    """The absolute address of the customer's page of the order, in the
    order's language: the account's order page, or for a guest Oscar's
    guest order page behind its signed link (it asks for the e-mail)."""
    with translation.override(order.language):
        if order.user_id:
            path = reverse("customer:order", kwargs={"order_number": order.number})
        else:
            kwargs = {"order_number": order.number, "hash": order.verification_hash()}
            path = reverse("customer:anon-order", kwargs=kwargs)
    return settings.SHOP_SITE_URL + path


def connect_signals() -> None:
    """Called by the checkout app's ready()."""
    # Oscar sends this signal with the order itself as sender, so no filter.
    order_status_changed.connect(release_or_consume_stock, dispatch_uid="orders.stock")
