"""Settling card orders that neither the webhook nor the customer confirmed.

A card order waits in "Pending payment" while the customer is on Stripe's
page. If the customer never comes back and Stripe's webhook is lost (or the
shop was down), ``manage.py reconcile_payments`` asks Stripe what happened:
paid orders are confirmed, unpaid ones are closed at Stripe and discarded,
and a payment that is not the order's total is left pending for staff.
"""

from datetime import timedelta

from django.utils import timezone

from shop.commerce import orders
from shop.commerce.payments import stripe_checkout
from shop.commerce.payments.models import StripeCheckoutSession

CONFIRMED, DISCARDED, STILL_OPEN, LEFT_FOR_STAFF, UNREACHABLE = (
    "confirmed",
    "discarded",
    "still open",
    "left for staff",
    "Stripe unreachable",
)
OUTCOMES = (CONFIRMED, DISCARDED, STILL_OPEN, LEFT_FOR_STAFF, UNREACHABLE)


def stale_card_orders(minutes):
    cutoff = timezone.now() - timedelta(minutes=minutes)
    return orders.Order.objects.filter(
        status=orders.PENDING_PAYMENT, date_placed__lt=cutoff
    ).order_by("date_placed")


def reconcile(order):
    """Ask Stripe about one pending order and settle it; return the outcome."""
    record = StripeCheckoutSession.objects.filter(order_number=order.number).first()
    if record is None:  # the session was never created: nothing can be paid
        orders.discard_unpaid_order(order.number, why="no payment was started")
        return DISCARDED
    try:
        session = stripe_checkout.retrieve_session(record.session_id)
        if session.get("status") == "open":
            session = stripe_checkout.expire_session(record.session_id)
    except stripe_checkout.CardPaymentUnavailable:
        return UNREACHABLE
    if stripe_checkout.is_paid(session):
        confirmed = orders.confirm_card_payment(
            order.number, **stripe_checkout.payment_of(session), via="reconciliation"
        )
        if confirmed is not None and confirmed.status == orders.PENDING_PAYMENT:
            return LEFT_FOR_STAFF  # not the order's total: see the order's notes
        return CONFIRMED
    status = session.get("status")
    if status == "open":
        return STILL_OPEN
    orders.discard_unpaid_order(order.number, why=f"Stripe session {status}")
    record.delete()
    return DISCARDED
