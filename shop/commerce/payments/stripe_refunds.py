"""Card refunds through Stripe's Refund API, with the checkout's client
(stripe_checkout.client: the same key, base address and timeout)."""

from decimal import Decimal

import stripe

from shop.commerce.payments.stripe_checkout import client, to_minor_units


class RefundRefused(Exception):
    """Stripe refused the refund or could not be reached: nothing was refunded
    (or, after a timeout, the same idempotency key finds out)."""


def refund_card_payment(
    payment_intent: str, amount: Decimal, *, idempotency_key: str
) -> dict:
    """Refund ``amount`` of the card payment ``payment_intent``. The same key
    always answers with the same refund, so a retry never refunds twice."""
    try:
        refund = client().v1.refunds.create(
            params={"payment_intent": payment_intent, "amount": to_minor_units(amount)},
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as error:
        message = getattr(error, "user_message", None) or str(error)
        raise RefundRefused(message) from error
    refund = refund.to_dict()
    if refund.get("status") not in ("succeeded", "pending"):
        raise RefundRefused(f"Stripe answered with a refund {refund.get('status')}.")
    return refund
