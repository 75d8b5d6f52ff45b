"""Settling card and Vipps orders that neither the webhook nor the customer
confirmed.

A card or Vipps order waits in "Pending payment" while the customer is on
Stripe's page or in Vipps. If the customer never comes back and the webhook
is lost (or the shop was down), ``manage.py reconcile_payments`` asks what
happened (steps 7 to 10 of shop/commerce/placing.py). The scheduler runs
``settle_stale`` every five minutes (tasks.py); the command is for running
it by hand. Settling an unpaid order discards it, which gives back the
stock it reserved: this is also when reservations expire.

- Stripe: paid orders are confirmed, unpaid ones are closed at Stripe and
  discarded.
- Vipps: a reserved (AUTHORIZED) payment confirms its order; an ABORTED,
  EXPIRED or TERMINATED one discards it. One still CREATED is left open:
  Vipps expires a payment nobody approves by itself (after 10 minutes), and
  closing it sooner could turn away a customer who is approving it now.

A payment that is not the order's total is left pending for staff.
"""

import logging
from collections import Counter
from datetime import timedelta
from enum import StrEnum

from django.db.models import QuerySet
from django.utils import timezone
from oscar.core.loading import get_model

from shop.commerce import placing
from shop.commerce.payments import stripe_checkout, vipps
from shop.commerce.payments.models import StripeCheckoutSession, VippsPayment
from shop.commerce.payments.stripe_checkout import SessionStatus
from shop.commerce.statuses import OrderStatus

Order = get_model("order", "Order")
logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    """What reconciling one order came to, in the order the command reports."""

    CONFIRMED = "confirmed"
    DISCARDED = "discarded"
    STILL_OPEN = "still open"
    LEFT_FOR_STAFF = "left for staff"
    UNREACHABLE = "Stripe unreachable"
    VIPPS_UNREACHABLE = "Vipps unreachable"


def stale_card_orders(minutes: int) -> QuerySet:
    cutoff = timezone.now() - timedelta(minutes=minutes)
    return Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT, date_placed__lt=cutoff
    ).order_by("date_placed")


def settle_stale(minutes: int) -> Counter:
    """Reconcile every order pending for at least ``minutes``; count outcomes."""
    return Counter(reconcile(order) for order in stale_card_orders(minutes))


def reconcile(order: Order) -> Outcome:
    """Ask Stripe or Vipps about one pending order and settle it; return the
    outcome."""
    vipps_record = VippsPayment.objects.filter(order_number=order.number).first()
    if vipps_record is not None:
        return reconcile_vipps(vipps_record)
    record = StripeCheckoutSession.objects.filter(order_number=order.number).first()
    if record is None:  # the session was never created: nothing can be paid
        placing.discard_unpaid_order(order.number, why="no payment was started")
        return Outcome.DISCARDED
    try:
        session = stripe_checkout.retrieve_session(record.session_id)
        if session.get("status") == SessionStatus.OPEN:
            session = stripe_checkout.expire_session(record.session_id)
    except stripe_checkout.CardPaymentUnavailable:
        return Outcome.UNREACHABLE
    settled = placing.settle_paid_session(session, via="reconciliation")
    if settled.outcome is placing.Settled.CONFIRMED:
        return Outcome.CONFIRMED
    if settled.outcome is placing.Settled.LEFT_FOR_STAFF:
        return Outcome.LEFT_FOR_STAFF  # not the order's total: see its notes
    if settled.outcome is not placing.Settled.NOT_PAID:
        # The order's own session (found through its record) should name it;
        # one that does not is for staff to look at, not to count as paid.
        logger.error(
            "Stripe session %s does not name order %s", record.session_id, order.number
        )
        return Outcome.LEFT_FOR_STAFF
    status = session.get("status")
    if status == SessionStatus.OPEN:
        return Outcome.STILL_OPEN
    placing.discard_unpaid_order(order.number, why=f"Stripe session {status}")
    record.delete()
    return Outcome.DISCARDED


def reconcile_vipps(record: VippsPayment) -> Outcome:
    """Ask Vipps about one pending Vipps order and settle it."""
    try:
        payment = vipps.get_payment(record.reference)
    except (vipps.VippsUnavailable, vipps.VippsRefused) as error:
        logger.warning("Vipps payment %s not reconciled: %s", record.reference, error)
        return Outcome.VIPPS_UNREACHABLE
    settled = placing.settle_vipps_payment(
        record.reference, payment, via="reconciliation"
    )
    return {
        placing.Settled.CONFIRMED: Outcome.CONFIRMED,
        placing.Settled.DISCARDED: Outcome.DISCARDED,
        placing.Settled.NOT_PAID: Outcome.STILL_OPEN,
    }.get(settled.outcome, Outcome.LEFT_FOR_STAFF)
