"""Card payments through Stripe's hosted Checkout, with the official client.

No card data touches the shop: the customer pays on Stripe's page. An order
waits in "Pending payment" until Stripe says it is paid, by the signed
webhook or when the customer comes back; whichever comes first confirms it,
the other finds nothing left to do.

STRIPE_API_BASE points the client at another server than Stripe's; the test
suite runs this same code against a local fake that speaks Stripe's API.

Sessions and events leave this module as plain dicts, read with ``.get()``:
Stripe adds fields and sends events of many shapes, and none of them may
raise in the shop.
"""

import json
import secrets
import time
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from oscar.apps.order.models import Order


class CardPaymentUnavailable(Exception):
    """Stripe could not be reached or refused the request; nothing was charged."""


class SessionStatus(StrEnum):
    """A Checkout Session's ``status``, as Stripe names it."""

    OPEN = "open"
    COMPLETE = "complete"
    EXPIRED = "expired"


class PaymentStatus(StrEnum):
    """A Checkout Session's ``payment_status``, as Stripe names it."""

    PAID = "paid"
    UNPAID = "unpaid"
    NO_PAYMENT_REQUIRED = "no_payment_required"


class EventType(StrEnum):
    """The webhook events the shop acts on."""

    COMPLETED = "checkout.session.completed"
    ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded"
    EXPIRED = "checkout.session.expired"
    ASYNC_PAYMENT_FAILED = "checkout.session.async_payment_failed"


# After one of these a session may be paid; after one of these it never will.
# Tuples: an event's type is whatever JSON the signed body holds, and ``in``
# on a tuple compares it without hashing it.
PAID_EVENTS = (EventType.COMPLETED, EventType.ASYNC_PAYMENT_SUCCEEDED)
UNPAID_EVENTS = (EventType.EXPIRED, EventType.ASYNC_PAYMENT_FAILED)


@dataclass(frozen=True)
class CardPayment:
    """What Stripe says a session took: its amount (None if it says none),
    currency code in capitals ("" if none), and the reference staff look up."""

    amount: Decimal | None
    currency: str
    reference: str


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def offers_klarna() -> bool:
    return "klarna" in settings.STRIPE_PAYMENT_METHOD_TYPES


def client() -> stripe.StripeClient:
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


def to_minor_units(amount: Decimal) -> int:
    """NOK in øre, as Stripe counts amounts."""
    return int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# Stripe counts a session's lifetime from when the request reaches it, and
# refuses one shorter than 30 minutes: a minute more covers the way there.
EXPIRY_MARGIN_SECONDS = 60


def create_session(order: "Order", *, success_url: str, cancel_url: str) -> dict:
    """A Checkout Session for the order's total. It closes after
    STRIPE_PENDING_MINUTES, and Stripe's `checkout.session.expired` event then
    gives the order's stock back, so an abandoned payment holds it no longer."""
    lifetime = settings.STRIPE_PENDING_MINUTES * 60 + EXPIRY_MARGIN_SECONDS
    params = {
        "mode": "payment",
        "payment_method_types": settings.STRIPE_PAYMENT_METHOD_TYPES,
        "expires_at": int(time.time()) + lifetime,
        "client_reference_id": order.number,
        "customer_email": order.email,
        "metadata": {"order_number": order.number},
        # Stripe's page in the customer's language ("nb" or "en").
        "locale": order.language,
        "success_url": success_url,
        "cancel_url": cancel_url,
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": order.currency.lower(),
                    "unit_amount": to_minor_units(order.total_incl_tax),
                    # Shown to the customer on Stripe's payment page.
                    "product_data": {
                        "name": _("%(shop)s order %(number)s")
                        % {"shop": settings.OSCAR_SHOP_NAME, "number": order.number}
                    },
                },
            }
        ],
    }
    # A fresh key per attempt: Stripe replays a key's first answer for a
    # day, so a key that once met a 500 would fail every retry of the order.
    key = f"order-{order.number}-{secrets.token_hex(8)}"
    try:
        session = client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": key}
        )
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error
    return session.to_dict()


def retrieve_session(session_id: str) -> dict:
    try:
        return client().v1.checkout.sessions.retrieve(session_id).to_dict()
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error


def expire_session(session_id: str) -> dict:
    """Close an unpaid session so it can no longer be paid. Returns the
    session as Stripe has it afterwards (it may have been paid meanwhile)."""
    try:
        return client().v1.checkout.sessions.expire(session_id).to_dict()
    except stripe.InvalidRequestError:
        return retrieve_session(session_id)  # not open any more: see why
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error


def is_paid(session: dict) -> bool:
    return (
        session.get("status") == SessionStatus.COMPLETE
        and session.get("payment_status") == PaymentStatus.PAID
    )


def order_number_of(session: dict) -> str | None:
    """The shop's order a session pays for; None for a session made elsewhere
    in the same Stripe account (a payment link, say)."""
    return session.get("client_reference_id") or None


def payment_of(session: dict) -> CardPayment:
    """What Stripe says was paid."""
    amount = session.get("amount_total")
    return CardPayment(
        amount=None if amount is None else Decimal(amount) / 100,
        currency=str(session.get("currency") or "").upper(),
        reference=session.get("payment_intent") or session.get("id"),
    )


def session_of(event: dict) -> dict | None:
    """The Checkout Session an event is about, or None if it is about
    something else (or carries no object at all)."""
    data = event.get("data")
    session = data.get("object") if isinstance(data, dict) else None
    if isinstance(session, dict) and session.get("object") == "checkout.session":
        return session
    return None


def verified_event(payload: bytes, signature: str | None) -> dict:
    """The webhook's event as a dict, if Stripe signed it; raises ValueError
    otherwise. A signed body that is not a JSON object gives an empty dict."""
    try:
        stripe.WebhookSignature.verify_header(
            payload,
            signature,
            settings.STRIPE_WEBHOOK_SECRET,
            tolerance=stripe.Webhook.DEFAULT_TOLERANCE,
        )
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise ValueError(str(error)) from error
    return event if isinstance(event, dict) else {}
