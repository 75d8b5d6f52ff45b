"""Card payments through Stripe's hosted Checkout, with the official client.

No card data touches the shop: the customer pays on Stripe's page. An order
waits in "Pending payment" until Stripe says it is paid, by the signed
webhook or when the customer comes back; whichever comes first confirms it,
the other finds nothing left to do.

STRIPE_API_BASE points the client at another server than Stripe's; the test
suite runs this same code against a local fake that speaks Stripe's API.
"""

import secrets
from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings


class CardPaymentUnavailable(Exception):
    """Stripe could not be reached or refused the request; nothing was charged."""


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY)


def client():
    options = {}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        # One attempt: on a timeout the customer is told at once, and the
        # idempotency key makes a second click return the same session.
        max_network_retries=0,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
        **options,
    )


def to_minor_units(amount):
    """NOK in øre, as Stripe counts amounts."""
    return int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def create_session(order, *, success_url, cancel_url):
    """A Checkout Session for the order's total."""
    params = {
        "mode": "payment",
        "client_reference_id": order.number,
        "customer_email": order.email,
        "metadata": {"order_number": order.number},
        "success_url": success_url,
        "cancel_url": cancel_url,
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": order.currency.lower(),
                    "unit_amount": to_minor_units(order.total_incl_tax),
                    "product_data": {
                        "name": f"{settings.OSCAR_SHOP_NAME} order {order.number}"
                    },
                },
            }
        ],
    }
    # A fresh key per attempt: Stripe replays a key's first answer for a
    # day, so a key that once met a 500 would fail every retry of the order.
    key = f"order-{order.number}-{secrets.token_hex(8)}"
    try:
        return client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": key}
        )
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error


def retrieve_session(session_id):
    try:
        return client().v1.checkout.sessions.retrieve(session_id)
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error


def expire_session(session_id):
    """Close an unpaid session so it can no longer be paid. Returns the
    session as Stripe has it afterwards (it may have been paid meanwhile)."""
    try:
        return client().v1.checkout.sessions.expire(session_id)
    except stripe.InvalidRequestError:
        return retrieve_session(session_id)  # not open any more: see why
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error


def is_paid(session):
    return session["status"] == "complete" and session["payment_status"] == "paid"


def amount_paid(session):
    return Decimal(session["amount_total"]) / 100


def verified_event(payload, signature):
    """The webhook's event, if Stripe signed it; raises ValueError otherwise."""
    try:
        return stripe.Webhook.construct_event(
            payload, signature, settings.STRIPE_WEBHOOK_SECRET
        )
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise ValueError(str(error)) from error
