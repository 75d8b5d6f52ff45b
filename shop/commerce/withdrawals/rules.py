"""What a customer may withdraw from, and until when (angrerettloven).

The withdrawal period (angrefrist) is 14 days from the day the customer
receives the goods (angrerettloven § 21), ``SHOP_SHIPPING_FACTS["return_days"]``,
the same fact the product pages and the "Shipping and returns" page state.

The shop does not learn when a parcel is received: it knows when staff mark
the order shipped. So the page counts from there, with a grace:

- Until the order is shipped the customer may always withdraw: the right
  holds from the moment the contract is made.
- Once shipped, until the end of the day (Oslo time) that is
  ``SHOP_WITHDRAWAL_GRACE_DAYS`` + 14 days after the day it was marked
  shipped. The grace stands for the days between shipping and receiving: the
  journey (1–4 working days, ``SHOP_SHIPPING_FACTS``, up to six calendar days
  over a weekend) and the days a parcel may wait at a pickup point before it
  is collected. It is generous on purpose: refusing a withdrawal that was in
  time breaks the law, while accepting one a few days late costs the shop
  little, and staff see every withdrawal at once (a note on the order and an
  e-mail) and can still answer it.
- After that the page refuses and asks a customer whose parcel came later to
  write to the shop; staff decide with the carrier's tracking.

The checks refuse with one message each (``Refusal``). A wrong order number
and a wrong e-mail address get the same message, so the page tells nobody
which order numbers exist.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.commerce.statuses import LineStatus, OrderStatus

Order = get_model("order", "Order")


class Refusal(Exception):
    """Why the page cannot take the withdrawal, as the customer reads it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def withdrawal_days() -> int:
    return settings.SHOP_SHIPPING_FACTS["return_days"]


def find_order(number: str, email: str) -> Order:
    """The order with this number, placed with this e-mail address."""
    number = number.strip().lstrip("#").strip()
    order = None
    if number:
        order = Order.objects.filter(number=number).select_related("user").first()
    if order is None or not same_address(order.email, email):
        raise Refusal(
            _(
                "We could not find an order with this order number and e-mail "
                "address. Check both against your order confirmation and try again."
            )
        )
    return order


def same_address(first: str | None, second: str | None) -> bool:
    return bool(first and second) and first.strip().lower() == second.strip().lower()


def shipped_at(order: Order) -> datetime | None:
    """When staff marked the order shipped (None while it is not)."""
    if order.status != OrderStatus.SHIPPED:
        return None
    change = (
        order.status_changes.filter(new_status=OrderStatus.SHIPPED)
        .order_by("date_created")
        .first()
    )
    # An order put in "Shipped" without a recorded change: the earliest it
    # can have left is when it was placed.
    return change.date_created if change else order.date_placed


def deadline(order: Order) -> datetime | None:
    """The last moment the page takes a withdrawal (None: not shipped yet)."""
    shipped = shipped_at(order)
    if shipped is None:
        return None
    last_day = timezone.localtime(shipped).date() + timedelta(
        days=settings.SHOP_WITHDRAWAL_GRACE_DAYS + withdrawal_days()
    )
    return timezone.make_aware(datetime.combine(last_day, time.max))


def remaining_quantities(order: Order) -> dict[int, int]:
    """Order line id → units not yet withdrawn (cancelled lines have none)."""
    withdrawn = dict(
        order.lines.annotate(withdrawn=Sum("withdrawal_lines__quantity")).values_list(
            "pk", "withdrawn"
        )
    )
    return {
        line.pk: 0
        if line.status == LineStatus.CANCELLED
        else max(0, line.quantity - (withdrawn.get(line.pk) or 0))
        for line in order.lines.all()
    }


def check_withdrawable(order: Order, *, now: datetime | None = None) -> None:
    """Refuse an order that cannot be withdrawn from (any more)."""
    now = now or timezone.now()
    if order.status == OrderStatus.PENDING_PAYMENT:
        raise Refusal(
            _(
                "This order is not confirmed: its card payment has not gone "
                "through, so there is no purchase to withdraw from."
            )
        )
    if order.status == OrderStatus.CANCELLED:
        raise Refusal(
            _(
                "This order is cancelled, so there is no purchase to withdraw "
                "from. Questions? Write to us at %(email)s."
            )
            % {"email": settings.SHOP_COMPANY["email"]}
        )
    last = deadline(order)
    if last is not None and now > last:
        raise Refusal(
            _(
                "The withdrawal period for this order ended on %(date)s: it is "
                "%(days)d days from the day you received the goods. If your parcel "
                "reached you later than we count, write to us at %(email)s and "
                "we will look at it."
            )
            % {
                "date": formats.date_format(timezone.localtime(last), "DATE_FORMAT"),
                "days": withdrawal_days(),
                "email": settings.SHOP_COMPANY["email"],
            }
        )
    if not any(remaining_quantities(order).values()):
        raise Refusal(
            _(
                "Everything in this order has already been withdrawn. The "
                "receipt was sent to you by e-mail."
            )
        )
