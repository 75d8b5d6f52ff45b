"""Settling card orders that neither the webhook nor the customer confirmed.

A card order waits in "Pending payment" while the customer is on Stripe's
page. If the customer never comes back and Stripe's webhook is lost (or the
shop was down), ``manage.py reconcile_payments`` asks Stripe what happened:
paid orders are confirmed, unpaid ones are closed at Stripe and discarded.
"""

from datetime import timedelta

from django.utils import timezone

from shop import orders
from shop.models import StripeCheckoutSession
from shop.payments import stripe_checkout

CONFIRMED, DISCARDED, STILL_OPEN, UNREACHABLE = (
    "confirmed",
    "discarded",
    "still open",
    "Stripe unreachable",
)


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
        if session["status"] == "open":
            session = stripe_checkout.expire_session(record.session_id)
    except stripe_checkout.CardPaymentUnavailable:
        return UNREACHABLE
    if stripe_checkout.is_paid(session):
        orders.confirm_card_payment(
            order.number,
            amount=stripe_checkout.amount_paid(session),
            reference=session["payment_intent"] or session["id"],
            via="reconciliation",
        )
        return CONFIRMED
    if session["status"] == "open":
        return STILL_OPEN
    orders.discard_unpaid_order(order.number, why=f"Stripe session {session['status']}")
    record.delete()
    return DISCARDED
