"""Vipps MobilePay: a thin client of the ePayment API, the Webhooks API and
the access-token call, and the check of Vipps' signed webhooks.

The customer approves a payment in the Vipps app (or on Vipps' landing
page); the money is then reserved ("AUTHORIZED"), not taken. The shop
captures it when the parcel ships, cancels what it will not take, and
refunds what it gives back: Norwegian law wants a customer charged for goods
only once they are on their way. What the shop does with each answer is in
the checkout and order code, not here.

Every POST carries an Idempotency-Key: Vipps answers a repeated key with its
first answer instead of acting twice, so a call that timed out is retried
with the same key, and a payment or capture never happens twice.
VippsUnavailable means "Vipps may or may not have acted: retry with the same
key"; VippsRefused means "Vipps said no and did nothing".

VIPPS_API_BASE points the client at Vipps' test environment, or at the local
fake (tests/fake_vipps.py) the test suite runs this same code against.
Answers leave this module as Vipps' JSON, read with ``.get()``: Vipps adds
fields, and none of them may raise in the shop.
"""

import base64
import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from email.utils import parsedate_to_datetime
from enum import StrEnum
from urllib.parse import quote

import requests
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# Vipps asks every integration to name itself, so its support can tell whose
# calls it is looking at (the Vipps-System-* headers).
SYSTEM_NAME = "django-oscar"
SYSTEM_VERSION = "4.2"
PLUGIN_NAME = "skinome-shop"
PLUGIN_VERSION = "1.0"

# The token is dropped this long before Vipps says it expires, so a call never
# leaves with a token that dies on the way.
TOKEN_MARGIN_SECONDS = 60
# A signed webhook older (or newer) than this is refused: a recorded request
# replayed later does not pass.
WEBHOOK_MAX_AGE_SECONDS = 5 * 60
SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256"
# Vipps' limit on a payment's description.
DESCRIPTION_MAX_LENGTH = 100


class VippsUnavailable(Exception):
    """Timeout, connection error, 5xx or 429: Vipps may or may not have acted.
    Retrying with the SAME idempotency key is safe and reaches the same result."""


class VippsRefused(Exception):
    """Vipps answered 4xx with a problem document: it did not act. str() is the
    problem's title/detail, for staff and logs (no personal data)."""

    def __init__(self, message, *, status=None, problem=None):
        super().__init__(message)
        self.status = status
        self.problem = problem if isinstance(problem, dict) else {}


class WebhookSignatureInvalid(ValueError):
    """A webhook request Vipps did not sign with our secret, or signed too long
    ago: the shop must not act on it."""


class PaymentState(StrEnum):
    """A payment's ``state``, as Vipps names it. Only CREATED changes: the
    customer approves (AUTHORIZED), aborts, or lets it expire; the shop's
    cancel of a payment not yet approved TERMINATES it. An AUTHORIZED payment
    stays AUTHORIZED through captures, refunds and a cancel: what happened to
    its money is in its ``aggregate``."""

    CREATED = "CREATED"
    AUTHORIZED = "AUTHORIZED"
    ABORTED = "ABORTED"
    EXPIRED = "EXPIRED"
    TERMINATED = "TERMINATED"


class EventName(StrEnum):
    """The ``name`` of an event in a payment's log and in a webhook's body."""

    CREATED = "CREATED"
    ABORTED = "ABORTED"
    EXPIRED = "EXPIRED"
    CANCELLED = "CANCELLED"
    CAPTURED = "CAPTURED"
    REFUNDED = "REFUNDED"
    AUTHORIZED = "AUTHORIZED"
    TERMINATED = "TERMINATED"

    @property
    def webhook_event(self) -> str:
        """The Webhooks API's event type: ``epayments.payment.authorized.v1``."""
        return f"epayments.payment.{self.value.lower()}.v1"


# Every ePayment event, for registering the shop's webhook.
WEBHOOK_EVENTS = [name.webhook_event for name in EventName]


def is_configured() -> bool:
    """Vipps is offered when all four keys from Vipps' merchant portal are set."""
    return all(
        (
            settings.VIPPS_CLIENT_ID,
            settings.VIPPS_CLIENT_SECRET,
            settings.VIPPS_SUBSCRIPTION_KEY,
            settings.VIPPS_MERCHANT_SERIAL_NUMBER,
        )
    )


def to_minor_units(amount: Decimal) -> int:
    """NOK in øre, as Vipps counts amounts."""
    return int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def amount_of(payment: dict) -> Decimal | None:
    """A payment's (or event's) amount in kroner; None if it names none."""
    amount = payment.get("amount")
    value = amount.get("value") if isinstance(amount, dict) else None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return Decimal(value) / 100


def new_idempotency_key() -> str:
    """A fresh key (Vipps allows up to 50 characters)."""
    return secrets.token_hex(16)


# --- the access token ---------------------------------------------------------


def _token_cache_key() -> str:
    # Another base or client (test environment, a fake) has another token.
    who = f"{settings.VIPPS_API_BASE}|{settings.VIPPS_CLIENT_ID}"
    return "vipps:token:" + hashlib.sha256(who.encode()).hexdigest()[:24]


def _url(path: str) -> str:
    return settings.VIPPS_API_BASE.rstrip("/") + path


def _system_headers() -> dict:
    return {
        "Ocp-Apim-Subscription-Key": settings.VIPPS_SUBSCRIPTION_KEY,
        "Merchant-Serial-Number": settings.VIPPS_MERCHANT_SERIAL_NUMBER,
        "Vipps-System-Name": SYSTEM_NAME,
        "Vipps-System-Version": SYSTEM_VERSION,
        "Vipps-System-Plugin-Name": PLUGIN_NAME,
        "Vipps-System-Plugin-Version": PLUGIN_VERSION,
    }


def access_token() -> str:
    """The bearer token every other call needs. Vipps hands one out for the
    client id and secret, valid an hour (test) or a day (production); it is
    kept in the cache until a minute before then, so the shop asks once, not
    on every call. A cache that is down only means asking more often."""
    key = _token_cache_key()
    if token := cache.get(key):
        return token
    headers = {
        **_system_headers(),
        "client_id": settings.VIPPS_CLIENT_ID,
        "client_secret": settings.VIPPS_CLIENT_SECRET,
    }
    answer = _send("POST", "/accesstoken/get", headers=headers)
    body = _json(answer)
    token = body.get("access_token") if isinstance(body, dict) else None
    if not token:
        raise VippsUnavailable("Vipps' access-token answer held no token.")
    try:
        lifetime = int(body.get("expires_in", 0))  # Vipps sends it as a string
    except (TypeError, ValueError):
        lifetime = 0
    if lifetime > TOKEN_MARGIN_SECONDS:
        cache.set(key, token, timeout=lifetime - TOKEN_MARGIN_SECONDS)
    return token


def _forget_token() -> None:
    cache.delete(_token_cache_key())


# --- sending, and what the answers mean ---------------------------------------


def _send(method, path, *, headers, json_body=None):
    """One request; a timeout, no connection, 429 or 5xx is VippsUnavailable,
    any other 4xx is VippsRefused (401 is left to the caller, who may retry)."""
    try:
        answer = requests.request(
            method,
            _url(path),
            headers=headers,
            json=json_body,
            timeout=settings.VIPPS_TIMEOUT_SECONDS,
        )
    except requests.Timeout as error:
        logger.warning("Vipps did not answer %s %s in time", method, path)
        raise VippsUnavailable("Vipps did not answer in time.") from error
    except requests.RequestException as error:
        logger.warning("Vipps could not be reached for %s %s", method, path)
        raise VippsUnavailable("Vipps could not be reached.") from error
    if answer.status_code == 429 or answer.status_code >= 500:
        logger.warning("Vipps answered %s to %s %s", answer.status_code, method, path)
        raise VippsUnavailable(
            f"Vipps answered {answer.status_code}: {_problem_text(answer)}"
        )
    retry_401 = answer.status_code == 401 and not path.startswith("/accesstoken")
    if answer.status_code >= 400 and not retry_401:
        text = _problem_text(answer)
        logger.info("Vipps refused %s %s (%s)", method, path, answer.status_code)
        raise VippsRefused(text, status=answer.status_code, problem=_json(answer))
    return answer


def _json(answer):
    try:
        return answer.json()
    except ValueError:
        return {}


def _problem_text(answer) -> str:
    """The problem document's title and detail: "Bad Request: Captured amount
    exceeds the reserved amount"."""
    problem = _json(answer)
    if not isinstance(problem, dict):
        problem = {}
    parts = [
        str(problem[field]).strip()
        for field in ("title", "detail")
        if problem.get(field) and str(problem[field]).strip()
    ]
    if not parts:  # Azure's gateway answers {"message": ...}; the token call OAuth's
        parts = [
            str(problem[field])
            for field in ("message", "error_description", "error")
            if problem.get(field)
        ][:1]
    return ": ".join(parts) or f"HTTP {answer.status_code}"


def _call(method, path, *, json_body=None, idempotency_key=None):
    """An API call with the token; a 401 (a token Vipps no longer takes) drops
    the cached token and tries once more with a fresh one."""
    headers = _system_headers()
    if method == "POST":
        headers["Idempotency-Key"] = idempotency_key or new_idempotency_key()
    for _attempt in range(2):
        headers["Authorization"] = f"Bearer {access_token()}"
        answer = _send(method, path, headers=headers, json_body=json_body)
        if answer.status_code != 401:
            return answer
        _forget_token()
    raise VippsRefused(
        _problem_text(answer), status=answer.status_code, problem=_json(answer)
    )


def _payment_path(reference: str, action: str = "") -> str:
    return f"/epayment/v1/payments/{quote(reference, safe='')}{action}"


def _amount(amount: Decimal, currency: str = "NOK") -> dict:
    return {"currency": currency, "value": to_minor_units(amount)}


def _msisdn(phone_number: str) -> str:
    """Vipps wants a phone number as digits with the country code:
    "+47 912 34 567" → "4791234567"; eight digits are a Norwegian number."""
    digits = re.sub(r"\D", "", phone_number or "")
    if digits.startswith("00"):
        digits = digits[2:]
    return "47" + digits if len(digits) == 8 else digits


# --- the ePayment API ---------------------------------------------------------


def create_payment(
    *,
    reference: str,
    amount: Decimal,
    currency: str,
    description: str,
    return_url: str,
    user_flow: str,
    idempotency_key: str,
    phone_number: str = "",
) -> dict:
    """Ask Vipps for a payment of ``amount``; the customer's browser goes to
    the answer's ``redirectUrl`` (the app on a phone, Vipps' landing page
    elsewhere) and comes back to ``return_url``, whatever the outcome: the
    shop then asks get_payment() what happened. ``reference`` is the shop's
    (8 to 50 of a-z, A-Z, 0-9 and "-"), unique per payment for good.

    ``user_flow`` is "WEB_REDIRECT" for a browser, "NATIVE_REDIRECT" to
    switch straight to the app. A known phone number only fills in the
    landing page for the customer."""
    body = {
        "amount": _amount(amount, currency),
        "paymentMethod": {"type": "WALLET"},
        "reference": reference,
        "returnUrl": return_url,
        "userFlow": user_flow,
        "paymentDescription": description[:DESCRIPTION_MAX_LENGTH],
    }
    if phone := _msisdn(phone_number):
        body["customer"] = {"phoneNumber": phone}
    return _json(
        _call(
            "POST",
            "/epayment/v1/payments",
            json_body=body,
            idempotency_key=idempotency_key,
        )
    )


def get_payment(reference: str) -> dict:
    """The payment as Vipps has it now: ``state``, and in ``aggregate`` the
    authorised, captured, refunded and cancelled amounts."""
    return _json(_call("GET", _payment_path(reference)))


def get_events(reference: str) -> list[dict]:
    """Everything that happened to the payment, oldest first (the same events
    the webhooks tell, for when a webhook was lost)."""
    events = _json(_call("GET", _payment_path(reference, "/events")))
    return events if isinstance(events, list) else []


def capture(reference: str, amount: Decimal, *, idempotency_key: str) -> dict:
    """Take ``amount`` of the reserved money (all or part; more captures may
    follow, up to what was authorised). Vipps refuses more than is left."""
    return _modify(reference, "/capture", amount, idempotency_key)


def cancel(reference: str, *, idempotency_key: str) -> dict:
    """Release what is reserved and not captured: the customer's bank frees
    it. A payment not yet approved is TERMINATED; an approved one stays
    AUTHORIZED, with the released amount as ``aggregate.cancelledAmount``.
    Vipps refuses once everything is captured (refund then)."""
    return _json(
        _call(
            "POST", _payment_path(reference, "/cancel"), idempotency_key=idempotency_key
        )
    )


def refund(reference: str, amount: Decimal, *, idempotency_key: str) -> dict:
    """Give back ``amount`` of what was captured; Vipps refuses more."""
    return _modify(reference, "/refund", amount, idempotency_key)


def _modify(reference, action, amount, idempotency_key):
    return _json(
        _call(
            "POST",
            _payment_path(reference, action),
            json_body={"modificationAmount": _amount(amount)},
            idempotency_key=idempotency_key,
        )
    )


# --- the Webhooks API ---------------------------------------------------------


def register_webhook(url: str, events: list[str]) -> dict:
    """Ask Vipps to send ``events`` to ``url``; the answer's ``secret`` signs
    every request Vipps sends there (VIPPS_WEBHOOK_SECRET)."""
    return _json(
        _call(
            "POST",
            "/webhooks/v1/webhooks",
            json_body={"url": url, "events": list(events)},
        )
    )


def list_webhooks() -> list[dict]:
    """The webhooks registered for this sales unit: id, url and events."""
    answer = _json(_call("GET", "/webhooks/v1/webhooks"))
    webhooks = answer.get("webhooks") if isinstance(answer, dict) else None
    return webhooks if isinstance(webhooks, list) else []


def delete_webhook(webhook_id: str) -> None:
    _call("DELETE", f"/webhooks/v1/webhooks/{quote(webhook_id, safe='')}")


# --- checking a webhook's signature ---------------------------------------------


def _content_hash(body: bytes) -> str:
    return base64.b64encode(hashlib.sha256(body).digest()).decode()


def signature(
    secret: str,
    *,
    method: str,
    path_and_query: str,
    date: str,
    host: str,
    content_hash: str,
) -> str:
    """The Authorization header Vipps sends: an HMAC-SHA256, with the secret's
    text as the key, of the method, path, date, host and body hash."""
    signed = f"{method.upper()}\n{path_and_query}\n{date};{host};{content_hash}"
    digest = hmac.new(secret.encode(), signed.encode(), hashlib.sha256).digest()
    return (
        f"HMAC-SHA256 SignedHeaders={SIGNED_HEADERS}"
        f"&Signature={base64.b64encode(digest).decode()}"
    )


def verified_webhook(
    *,
    method: str,
    path_and_query: str,
    headers: Mapping,
    body: bytes,
    secret: str | None = None,
    now: datetime | None = None,
) -> dict:
    """The JSON body of a webhook request, once it is certain Vipps sent it:
    ``x-ms-content-sha256`` is the body's hash, ``Authorization`` its HMAC
    with the webhook's secret (VIPPS_WEBHOOK_SECRET unless given), and
    ``x-ms-date`` within five minutes of ``now``. ``path_and_query`` and the
    Host header are the ones Vipps called (a proxy in front must pass Host
    on). Raises WebhookSignatureInvalid; returns {} for a body that is not a
    JSON object."""
    secret = settings.VIPPS_WEBHOOK_SECRET if secret is None else secret
    if not secret:
        raise WebhookSignatureInvalid("No Vipps webhook secret is set.")
    lower = {str(name).lower(): str(value) for name, value in headers.items()}
    date, host = lower.get("x-ms-date", ""), lower.get("host", "")
    content_hash = lower.get("x-ms-content-sha256", "")
    authorization = lower.get("authorization", "")
    if not (date and host and content_hash and authorization):
        raise WebhookSignatureInvalid("A signature header is missing.")
    if not hmac.compare_digest(content_hash.encode(), _content_hash(body).encode()):
        raise WebhookSignatureInvalid("The body is not the one that was signed.")
    expected = signature(
        secret,
        method=method,
        path_and_query=path_and_query,
        date=date,
        host=host,
        content_hash=content_hash,
    )
    if not hmac.compare_digest(authorization.encode(), expected.encode()):
        raise WebhookSignatureInvalid("The signature does not match.")
    try:
        sent = parsedate_to_datetime(date)
    except (TypeError, ValueError):
        raise WebhookSignatureInvalid("x-ms-date is not a date.") from None
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=UTC)
    age = ((now or datetime.now(UTC)) - sent).total_seconds()
    if abs(age) > WEBHOOK_MAX_AGE_SECONDS:
        raise WebhookSignatureInvalid("The webhook was signed too long ago.")
    try:
        payload = json.loads(body)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}
