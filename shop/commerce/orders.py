"""What happens to an order once it is placed (shop/commerce/placing.py
places it and settles its card payment): stock, notes, the customer's e-mail.

Status changes (from the checkout, Stripe, or staff in the dashboard) go
through Oscar's ``Order.set_status``, which records each change; the receiver
here keeps the stock in step: cancelling releases the units an order held,
shipping takes them out of stock. Orders outlive their customer's account,
and keep the customer's e-mail when it is deleted.
"""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from shop.commerce.statuses import OrderStatus

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")


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


def keep_email_on_orders(sender, instance, **kwargs):
    """An account's orders stay (they belong to the accounts) with no user;
    Oscar's ``Order.email`` then reads ``guest_email``, so it gets the address
    staff need to reach the customer about an unpaid or returned order."""
    if instance.email:
        Order.objects.filter(user=instance, guest_email="").update(
            guest_email=instance.email
        )


def note(order: Order, message: str) -> None:
    """A system note on the order, for staff in the dashboard."""
    OrderNote.objects.create(order=order, message=message, note_type=OrderNote.SYSTEM)


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
    # Before Django's collector sets the orders' user to NULL: the profile's
    # "delete" page, admin, and any other delete of a user all come through here.
    pre_delete.connect(
        keep_email_on_orders,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="orders.keep_email",
    )
