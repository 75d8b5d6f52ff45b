"""A local stand-in for Stripe's Checkout, for tests that cannot reach Stripe.

It owns two things the shop talks to: the slice of Stripe's HTTP API the shop
calls through the official client (create, retrieve and expire Checkout
Sessions; refund a paid session's PaymentIntent, in part or in full; with
Stripe's auth, idempotency and error shapes), and the hosted
payment page the customer's browser is sent to, which pays or declines and
then sends the signed `checkout.session.completed` webhook like Stripe does.
Anything else answers 404, so a call the fake does not know fails loudly.

Sessions expire as Stripe's do: at `expires_at` (30 minutes to 24 hours after
creation, 24 hours if not given), after which they cannot be paid and a
signed `checkout.session.expired` event is sent. `pass_time()` makes the
existing sessions older, so a test need not wait half an hour.
"""

import copy
import hashlib
import hmac
import html
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qsl, urlsplit

import stripe

from tests.fake_server import FakeHandler, LocalFake

MIN_EXPIRY_SECONDS = 30 * 60
# The methods a Norwegian shop may offer in Checkout, of those Stripe lists.
PAYMENT_METHOD_TYPES = {"card", "klarna", "mobilepay", "paypal"}
MAX_EXPIRY_SECONDS = 24 * 60 * 60


def _random_id(prefix):
    return f"{prefix}_test_{secrets.token_hex(12)}"


def parse_form(body):
    """`a[b][0][c]=1` as Stripe's clients encode it, back into nested dicts/lists."""
    root = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = [key.split("[", 1)[0], *re.findall(r"\[([^\]]*)\]", key)]
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    def listify(node):
        if not isinstance(node, dict):
            return node
        if node and all(key.isdigit() for key in node):
            return [listify(node[key]) for key in sorted(node, key=int)]
        return {key: listify(value) for key, value in node.items()}

    return listify(root)


# Some of the languages Stripe Checkout's page speaks (its `locale` param).
CHECKOUT_LOCALES = {"auto", "da", "de", "en", "en-GB", "fi", "fr", "nb", "nl", "sv"}


class _StripeError(Exception):
    """An error answer, shaped like Stripe's: {"error": {"type", "message", ...}}."""

    def __init__(self, status, message, type="invalid_request_error", **extra):
        self.status = status
        self.body = {"error": {"type": type, "message": message, **extra}}


class _Handler(FakeHandler):
    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def _dispatch(self, method):
        fake = self.server.fake
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if method == "POST" else url.query
        params = parse_form(body)
        with fake._lock:
            fake.requests.append((method, url.path, params, dict(self.headers)))
        # Sessions left alone past their expiry (with `make fake-stripe`, real
        # time passes); the events go out in the background, as Stripe's do,
        # so a shop waiting for this answer is not asked to take them first.
        for session in fake._expire_overdue():
            event = fake.event("checkout.session.expired", session)
            threading.Thread(target=fake._deliver, args=(event,), daemon=True).start()
        if url.path.startswith("/pay/"):
            return self._payment_page(method, url.path.removeprefix("/pay/"), params)
        try:
            self._check_api_key()
            status, answer, replayed = self._api(method, url.path, params)
        except _StripeError as error:
            status, answer, replayed = error.status, error.body, False
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        self._send(status, "application/json", json.dumps(answer), headers)

    def _check_api_key(self):
        key = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not key:
            raise _StripeError(
                401,
                "You did not provide an API key. You need to provide your API key "
                "in the Authorization header, using Bearer auth.",
            )
        if not key.startswith(("sk_", "rk_")):  # a publishable key, say
            raise _StripeError(401, f"Invalid API Key provided: {key}")

    def _api(self, method, path, params):
        fake = self.server.fake
        if (method, path) == ("POST", "/v1/checkout/sessions"):
            key = self.headers.get("Idempotency-Key") or _random_id("ik")
            return fake._create(params, key)
        if (method, path) == ("POST", "/v1/refunds"):
            key = self.headers.get("Idempotency-Key") or _random_id("ik")
            return fake._refund(params, key)
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)(/expire)?", path)
        if match and (method, match[2]) == ("GET", None):
            return 200, fake._session(match[1]), False
        if match and (method, match[2]) == ("POST", "/expire"):
            return 200, fake._expire(match[1]), False
        raise _StripeError(404, f"Unrecognized request URL ({method}: {path}).")

    def _payment_page(self, method, session_id, form):
        fake = self.server.fake
        session = fake.sessions.get(session_id)
        if session is None:
            return self._send(404, "text/html", "<h1>No such Checkout Session</h1>")
        outcome = form.get("outcome") if method == "POST" else None
        if session["status"] != "open":
            return self._page(session, "This Checkout Session is no longer active.")
        if outcome == "pay":
            fake.complete(session_id)
            success_url = session["success_url"].replace(
                "{CHECKOUT_SESSION_ID}", session_id
            )
            return self._send(303, "text/html", "", {"Location": success_url})
        if outcome == "decline":
            # 402 like Stripe's API for a card error; the session stays open.
            return self._page(session, "Your card was declined.", status=402)
        self._page(session)

    def _page(self, session, message=None, status=200):
        e = html.escape
        amount = session["amount_total"]
        price = f"{amount // 100}.{amount % 100:02d} {session['currency'].upper()}"
        items = "".join(
            f"<li>{line.get('quantity', 1)} × "
            f"{e(line['price_data'].get('product_data', {}).get('name', ''))}</li>"
            for line in self.server.fake._line_items[session["id"]]
        )
        form = ""
        if session["status"] == "open":
            form = (
                f'<form method="post" action="/pay/{e(session["id"])}">'
                '<button name="outcome" value="pay">Pay</button> '
                '<button name="outcome" value="decline">Decline card</button></form>'
            )
        alert = f'<p role="alert">{e(message)}</p>' if message else ""
        self._send(
            status,
            "text/html; charset=utf-8",
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Pay {e(price)}</title></head><body><main>"
            f"<h1>Pay {e(price)}</h1><ul>{items}</ul>{alert}{form}"
            f'<p><a href="{e(session["cancel_url"] or "")}">Back to the shop</a></p>'
            "</main></body></html>",
        )

    def _send(self, status, content_type, text, headers=None):
        headers = {"Request-Id": _random_id("req"), **(headers or {})}
        super()._send(status, content_type, text.encode(), headers)


class FakeStripe(LocalFake):
    """`with FakeStripe() as fake:` point the client's "api" base address at
    `fake.url` (`shop_settings()`); set `webhook_url` to the shop's endpoint
    to receive events."""

    Handler = _Handler

    def __init__(self):
        super().__init__()
        self.webhook_url = None
        self.webhook_secret = "whsec_test_secret"
        self.next_create = "ok"  # "ok", "timeout" or "error"; one use, then "ok"
        self.timeout_seconds = 3
        self.sessions = {}
        self.payment_intents = {}  # id -> {"amount", "currency", "amount_refunded"}
        self.refunds = {}
        self.requests = []
        self.webhook_responses = []  # status per webhook sent; None if unreachable
        self._idempotent = {}  # key -> (params, status, body), like Stripe's replay
        self._line_items = {}  # session id -> lines; Stripe leaves them out too
        self._lock = threading.RLock()

    def shop_settings(self) -> dict:
        """The settings that point the shop at this fake (any key will do)."""
        return {
            "STRIPE_SECRET_KEY": "sk_test_local",
            "STRIPE_API_BASE": self.url,
            "STRIPE_WEBHOOK_SECRET": self.webhook_secret,
        }

    # --- the API -----------------------------------------------------------

    def _replay(self, params, idempotency_key):
        """Stripe's answer to a key it has seen: the first answer again, or an
        error when the parameters differ; None for a new key. Call under the lock."""
        if idempotency_key not in self._idempotent:
            return None
        first_params, status, body = self._idempotent[idempotency_key]
        if first_params != params:
            raise _StripeError(
                400,
                "Keys for idempotent requests can only be used with the same "
                "parameters they were first used with. Try using a key other "
                f"than '{idempotency_key}' if you meant to execute a "
                "different request.",
                type="idempotency_error",
            )
        return status, body, True

    def _create(self, params, idempotency_key):
        with self._lock:  # held throughout, so a concurrent retry cannot create twice
            if (replayed := self._replay(params, idempotency_key)) is not None:
                return replayed
            mode, self.next_create = self.next_create, "ok"
            if mode == "error":
                error = _StripeError(500, "Fake Stripe failure.", type="api_error")
                status, body = error.status, error.body
            else:
                status, body = 200, self._new_session(params)
            # Stripe saves the first answer, 500s included, and replays that
            # snapshot for the same key: a replay after payment still says "open".
            self._idempotent[idempotency_key] = (params, status, copy.deepcopy(body))
        if mode == "timeout":
            # The session exists; only the answer is late, as when Stripe is slow.
            self._stopping.wait(self.timeout_seconds)
        return status, body, False

    def _new_session(self, params):
        for name in ("line_items", "success_url"):
            if name not in params:
                raise _StripeError(
                    400,
                    f"Missing required param: {name}.",
                    code="parameter_missing",
                    param=name,
                )
        try:
            amount = sum(
                int(line["price_data"]["unit_amount"]) * int(line.get("quantity", 1))
                for line in params["line_items"]
            )
        except (KeyError, TypeError, ValueError):
            raise _StripeError(
                400,
                "The fake only knows line_items with price_data[unit_amount].",
                param="line_items",
            ) from None
        locale = params.get("locale", "auto")
        if locale not in CHECKOUT_LOCALES:
            raise _StripeError(
                400, f"Invalid locale: {locale}", code="invalid_locale", param="locale"
            )
        method_types = params.get("payment_method_types") or ["card"]
        unknown = sorted(set(method_types) - PAYMENT_METHOD_TYPES)
        if unknown:
            raise _StripeError(
                400,
                f"The payment method type provided: {unknown[0]} is invalid.",
                param="payment_method_types",
            )
        created = int(time.time())
        expires_at = self._expires_at(params.get("expires_at"), created)
        session_id = _random_id("cs")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "url": f"{self.url}/pay/{session_id}",
            "status": "open",
            "payment_status": "unpaid",
            "mode": params.get("mode", "payment"),
            "currency": params.get("currency")
            or params["line_items"][0]["price_data"].get("currency", ""),
            "amount_total": amount,
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "metadata": params.get("metadata", {}),
            "success_url": params["success_url"],
            "cancel_url": params.get("cancel_url"),
            "locale": locale,
            "payment_method_types": method_types,
            "payment_intent": None,
            "created": created,
            "expires_at": expires_at,
            "livemode": False,
        }
        self.sessions[session_id] = session
        self._line_items[session_id] = params["line_items"]
        return session

    @staticmethod
    def _expires_at(value, created):
        if value is None:
            return created + MAX_EXPIRY_SECONDS
        try:
            expires_at = int(value)
        except ValueError:
            raise _StripeError(
                400, f"Invalid integer: {value}", param="expires_at"
            ) from None
        if expires_at < created + MIN_EXPIRY_SECONDS:
            message = "must be at least 30 minutes"
        elif expires_at > created + MAX_EXPIRY_SECONDS:
            message = "must be less than 24 hours"
        else:
            return expires_at
        raise _StripeError(
            400,
            f"The `expires_at` timestamp {message} from Checkout Session creation.",
            param="expires_at",
        )

    def _expire_overdue(self):
        """Close every open session past its `expires_at`; return them."""
        now = time.time()
        with self._lock:
            overdue = [
                session
                for session in self.sessions.values()
                if session["status"] == "open" and session["expires_at"] <= now
            ]
            for session in overdue:
                session["status"] = "expired"
            return [copy.deepcopy(session) for session in overdue]

    def pass_time(self, seconds):
        """Make every session `seconds` older, as if the time had passed; the
        ones past their expiry close, and their `checkout.session.expired`
        events are sent (if `webhook_url` is set) and returned."""
        with self._lock:
            for session in self.sessions.values():
                session["created"] -= seconds
                session["expires_at"] -= seconds
            expired = self._expire_overdue()
        events = [self.event("checkout.session.expired", s) for s in expired]
        for event in events:
            self._deliver(event)
        return events

    def _deliver(self, event):
        if not self.webhook_url:
            return
        try:
            status, _ = self.send_event(event)
        except OSError:  # the shop is down: Stripe would retry later
            status = None
        self.webhook_responses.append(status)

    def _refund(self, params, idempotency_key):
        """POST /v1/refunds: as Stripe, a refund of a PaymentIntent's charge,
        at most what is left of it; a key replays its first answer."""
        with self._lock:
            if (replayed := self._replay(params, idempotency_key)) is not None:
                return replayed
            try:
                status, body = 200, self._new_refund(params)
            except _StripeError as error:
                status, body = error.status, error.body
            self._idempotent[idempotency_key] = (params, status, copy.deepcopy(body))
            return status, body, False

    def _new_refund(self, params):
        intent_id = params.get("payment_intent")
        if not intent_id:
            raise _StripeError(
                400,
                "One of the following params should be provided for this request: "
                "payment_intent or charge.",
            )
        intent = self.payment_intents.get(intent_id)
        if intent is None:
            raise _StripeError(
                404,
                f"No such payment_intent: '{intent_id}'",
                code="resource_missing",
                param="payment_intent",
            )
        left = intent["amount"] - intent["amount_refunded"]
        if left == 0:
            raise _StripeError(
                400,
                f"Charge for {intent_id} has already been refunded.",
                code="charge_already_refunded",
            )
        raw = params.get("amount", str(left))
        if not str(raw).isdigit() or int(raw) < 1:
            raise _StripeError(400, f"Invalid positive integer: {raw}", param="amount")
        amount = int(raw)
        if amount > left:
            currency = intent["currency"].upper()
            raise _StripeError(
                400,
                f"Refund amount ({currency} {amount / 100:.2f}) is greater than "
                f"unrefunded amount on charge ({currency} {left / 100:.2f})",
                param="amount",
            )
        intent["amount_refunded"] += amount
        refund = {
            "id": _random_id("re"),
            "object": "refund",
            "amount": amount,
            "currency": intent["currency"],
            "payment_intent": intent_id,
            "charge": intent_id.replace("pi_", "ch_", 1),
            "status": "succeeded",
            "reason": params.get("reason"),
            "metadata": params.get("metadata", {}),
            "created": int(time.time()),
        }
        self.refunds[refund["id"]] = refund
        return refund

    def _session(self, session_id):
        try:
            return self.sessions[session_id]
        except KeyError:
            raise _StripeError(
                404,
                f"No such checkout.session: '{session_id}'",
                code="resource_missing",
                param="session",
            ) from None

    def _expire(self, session_id):
        with self._lock:
            session = self._session(session_id)
            if session["status"] != "open":
                raise _StripeError(
                    400,
                    'Only Checkout Sessions with a status in ["open"] can be expired.',
                )
            session["status"] = "expired"
            return session

    # --- paying, and the webhook -------------------------------------------

    def complete(self, session_id, send_webhook=True):
        """Pay the session as the customer would on the hosted page."""
        with self._lock:
            self._expire_overdue()
            session = self.sessions[session_id]
            if session["status"] != "open":
                raise ValueError(f"{session_id} is {session['status']}, not open")
            session.update(
                status="complete",
                payment_status="paid",
                payment_intent=_random_id("pi"),
            )
            self.payment_intents[session["payment_intent"]] = {
                "amount": session["amount_total"],
                "currency": session["currency"],
                "amount_refunded": 0,
            }
        if send_webhook:
            self._deliver(self.event("checkout.session.completed", session))
        return session

    def event(self, type, session):
        """An event like Stripe's; `session` is a dict or the client's Session."""
        if hasattr(session, "to_dict"):
            session = session.to_dict()
        return {
            "id": _random_id("evt"),
            "object": "event",
            "type": type,
            "created": int(time.time()),
            "livemode": False,
            "api_version": stripe.api_version,
            "data": {"object": copy.deepcopy(session)},
        }

    def sign(self, payload, secret=None, timestamp=None):
        timestamp = int(time.time()) if timestamp is None else timestamp
        signed = f"{timestamp}.{payload}".encode()
        key = (secret or self.webhook_secret).encode()
        return f"t={timestamp},v1={hmac.new(key, signed, hashlib.sha256).hexdigest()}"

    def send_event(self, event, secret=None, timestamp=None):
        payload = json.dumps(event)
        request = urllib.request.Request(
            self.webhook_url,
            data=payload.encode(),
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": self.sign(payload, secret, timestamp),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:  # 4xx/5xx are answers too
            return error.code, error.read().decode()


def main():
    """``python -m tests.fake_stripe``: try card payments with `make run`."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument(
        "--webhook-url", default="http://127.0.0.1:8000/checkout/stripe/webhook/"
    )
    options = parser.parse_args()
    fake = FakeStripe().start(port=options.port)
    fake.webhook_url = options.webhook_url
    print(  # noqa: T201 a command-line tool telling its user how to start the shop
        "Fake Stripe is listening. Start the shop with:\n"
        f"  STRIPE_SECRET_KEY=sk_test_local STRIPE_API_BASE={fake.url} "
        f"STRIPE_WEBHOOK_SECRET={fake.webhook_secret} make run\n"
        f"Webhooks go to {fake.webhook_url}. Ctrl-C stops it.",
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
