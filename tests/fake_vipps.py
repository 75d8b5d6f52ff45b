"""A local stand-in for Vipps MobilePay, for tests that cannot reach Vipps.

It owns what the shop talks to: the access-token call, the ePayment API
(create, get, event log, capture, cancel, refund; with Vipps' rules on
amounts and states, its idempotency and its problem+json errors), the
Webhooks API (register, list, delete), and the landing page a customer's
browser is sent to, whose Approve and Decline buttons send the browser back
to the shop. Every change of a payment is told to the registered webhooks
(and to `webhook_url`), signed with Vipps' HMAC-SHA256 scheme, from a
background thread, in order. Anything else answers 404, so a call the fake
does not know fails loudly. Answers follow Vipps' OpenAPI description
(tests/apis/vipps-epayment.v1.yml); tests/payments/test_fake_vipps.py checks
them against its schemas.

Faults for tests: `fail_next()` answers 5xx, `hang_next()` answers late,
each before or after the fake acted, so a test can show that a retry with
the same Idempotency-Key reaches the one payment or capture.
"""

import base64
import copy
import hashlib
import hmac
import html
import json
import queue
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime
from email.utils import formatdate
from urllib.parse import parse_qsl, urlsplit

from tests.fake_server import FakeHandler, LocalFake

PROBLEM_TYPE = "https://developer.vippsmobilepay.com/docs/APIs/epayment-api/errors"
REFERENCE = re.compile(r"^[a-zA-Z0-9-]{8,50}$")
USER_FLOWS = {"PUSH_MESSAGE", "NATIVE_REDIRECT", "WEB_REDIRECT", "QR"}
MAX_AMOUNT = 65_000_000


def sign(secret, method, path_and_query, date, host, content_hash):
    """Vipps' Authorization header for a webhook request (written here apart
    from the shop's check, as Vipps' side of it): HMAC-SHA256 with the secret's
    text as key, over method, path and query, date, host and body hash."""
    message = f"{method}\n{path_and_query}\n{date};{host};{content_hash}"
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return (
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256"
        f"&Signature={base64.b64encode(digest).decode()}"
    )


def _now_iso():
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _psp_reference():
    return str(secrets.randbelow(9_000_000_000) + 1_000_000_000)


class _Problem(Exception):
    """An error answer shaped like Vipps': RFC 7807 problem+json."""

    def __init__(self, status, title, detail="", **extra):
        self.status = status
        self.body = {
            "type": PROBLEM_TYPE,
            "title": title,
            "detail": detail or title,
            "status": status,
            "traceId": str(uuid.uuid4()),
            **extra,
        }


class _Fault:
    def __init__(self, kind, status, seconds, times, after_acting):
        self.kind, self.status, self.seconds = kind, status, seconds
        self.times, self.after_acting = times, after_acting


class _Handler(FakeHandler):
    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def _dispatch(self, method):
        fake = self.server.fake
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if url.path.startswith("/landing/"):
            return self._landing(method, url.path.removeprefix("/landing/"), raw)
        if (method, url.path) == ("POST", "/accesstoken/get"):
            return self._answer(*self._access_token())
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            return self._answer(
                400, _Problem(400, "Bad Request", "The body is not JSON.").body
            )
        with fake._lock:
            fake.requests.append((method, url.path, dict(self.headers), body))
        try:
            self._check_auth()
        except _Problem as problem:
            return self._answer(problem.status, problem.body)
        fault = fake._take_fault()
        if fault and not fault.after_acting:
            if fault.kind == "hang":
                fake._stopping.wait(fault.seconds)
            problem = _Problem(fault.status, "Fake Vipps failure", "A fault for tests.")
            return self._answer(fault.status, problem.body)
        try:
            status, answer = self._api(method, url.path, body)
        except _Problem as problem:
            status, answer = problem.status, problem.body
        if fault and fault.kind == "hang":
            fake._stopping.wait(fault.seconds)
        elif fault:
            problem = _Problem(fault.status, "Fake Vipps failure", "A fault for tests.")
            status, answer = fault.status, problem.body
        self._answer(status, answer)

    def _access_token(self):
        fake = self.server.fake
        with fake._lock:
            fake.token_requests += 1
        if self.headers.get("Ocp-Apim-Subscription-Key") != fake.subscription_key:
            return 401, {
                "statusCode": 401,
                "message": "Access denied due to invalid subscription key. Make "
                "sure to provide a valid key for an active subscription.",
            }
        if (self.headers.get("client_id"), self.headers.get("client_secret")) != (
            fake.client_id,
            fake.client_secret,
        ):
            return 401, {
                "error": "unauthorized_client",
                "error_description": "AADSTS700016: The client id or secret is wrong.",
            }
        token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + secrets.token_urlsafe(24)
        now = int(time.time())
        with fake._lock:
            fake._tokens[token] = now + fake.token_seconds
        # Vipps' (Azure AD's) shape: every number as a string.
        return 200, {
            "token_type": "Bearer",
            "expires_in": str(fake.token_seconds),
            "ext_expires_in": str(fake.token_seconds),
            "expires_on": str(now + fake.token_seconds),
            "not_before": str(now),
            "resource": "00000002-0000-0000-c000-000000000000",
            "access_token": token,
        }

    def _check_auth(self):
        fake = self.server.fake
        if self.headers.get("Ocp-Apim-Subscription-Key") != fake.subscription_key:
            raise _Problem(
                401,
                "Unauthorized",
                "Access denied due to missing or invalid subscription key.",
            )
        token = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        with fake._lock:
            expiry = fake._tokens.get(token)
        if expiry is None or expiry < time.time():
            raise _Problem(
                401, "Unauthorized", "The access token is missing, invalid or expired."
            )
        if self.headers.get("Merchant-Serial-Number") != fake.merchant_serial_number:
            raise _Problem(
                403, "Forbidden", "The Merchant-Serial-Number is not this sales unit's."
            )

    def _api(self, method, path, body):
        fake = self.server.fake
        key = self.headers.get("Idempotency-Key")
        if method == "POST" and path.startswith("/epayment/") and not key:
            raise _Problem(
                400, "Bad Request", "The Idempotency-Key header is required."
            )
        if key is not None and len(key) > 50:
            raise _Problem(400, "Bad Request", "The Idempotency-Key is too long.")
        with fake._lock:  # held throughout, so a concurrent retry cannot act twice
            fake._current_key = key
            try:
                return self._route(method, path, body, key)
            finally:
                fake._current_key = None

    def _route(self, method, path, body, key):
        fake = self.server.fake
        if (method, path) == ("POST", "/epayment/v1/payments"):
            return fake._idempotent_call(
                method, path, key, body, lambda: fake._create(body)
            )
        match = re.fullmatch(r"/epayment/v1/payments/([^/]+)(/[a-z]+)?", path)
        if match and method == "GET" and match[2] is None:
            return 200, copy.deepcopy(fake._payment(match[1]))
        if match and method == "GET" and match[2] == "/events":
            fake._payment(match[1])
            return 200, fake.events(match[1])
        if (
            match
            and method == "POST"
            and match[2] in ("/capture", "/cancel", "/refund")
        ):
            action = match[2][1:]
            return fake._idempotent_call(
                method,
                path,
                key,
                body,
                lambda: fake._modification(match[1], action, body),
            )
        if path == "/webhooks/v1/webhooks" and method == "POST":
            if key is None:
                return fake._register(body)
            return fake._idempotent_call(
                method, path, key, body, lambda: fake._register(body)
            )
        if path == "/webhooks/v1/webhooks" and method == "GET":
            return 200, {"webhooks": copy.deepcopy(list(fake.webhooks.values()))}
        match = re.fullmatch(r"/webhooks/v1/webhooks/([^/]+)", path)
        if match and method == "DELETE":
            if fake.webhooks.pop(match[1], None) is None:
                raise _Problem(404, "Not Found", "No webhook with that id.")
            return 204, None
        raise _Problem(404, "Not Found", f"No such endpoint: {method} {path}.")

    # --- the customer's page -------------------------------------------------

    def _landing(self, method, reference, raw):
        fake = self.server.fake
        payment = fake.payments.get(reference)
        if payment is None:
            return self._page(404, "Ukjent betaling / Unknown payment", "")
        return_url = fake._orders[reference]["returnUrl"] or ""
        if method == "POST" and payment["state"] == "CREATED":
            outcome = dict(parse_qsl(raw.decode())).get("outcome")
            if outcome in ("approve", "decline"):
                (fake.approve if outcome == "approve" else fake.decline)(reference)
                if fake.webhooks_before_return:
                    fake.wait_for_webhooks()
                return self._send(303, "text/html", b"", {"Location": return_url})
        e = html.escape
        value = payment["amount"]["value"]
        price = f"{value // 100},{value % 100:02d} {payment['amount']['currency']}"
        description = fake._orders[reference]["description"]
        if payment["state"] == "CREATED":
            content = (
                f"<p>{e(description)}</p>"
                f'<form method="post" action="/landing/{e(reference)}">'
                '<button name="outcome" value="approve">Godkjenn / Approve</button> '
                '<button name="outcome" value="decline">Avvis / Decline</button>'
                "</form>"
            )
        else:
            content = (
                "<p>Betalingen er ikke lenger aktiv. / "
                "This payment is no longer active.</p>"
            )
        content += f'<p><a href="{e(return_url)}">Tilbake / Back</a></p>'
        self._page(200, f"Betal / Pay {price}", content)

    def _page(self, status, title, content):
        e = html.escape
        text = (
            '<!doctype html><html lang="nb"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)} – Vipps</title></head><body><main>"
            f"<h1>{e(title)}</h1>{content}</main></body></html>"
        )
        self._send(status, "text/html; charset=utf-8", text.encode())

    def _answer(self, status, answer):
        if answer is None:
            return self._send(status, "application/json", b"")
        kind = "application/problem+json" if status >= 400 else "application/json"
        self._send(status, kind, json.dumps(answer).encode())


class FakeVipps(LocalFake):
    """`with FakeVipps() as fake:` set VIPPS_API_BASE to `fake.url` and the
    keys to the fake's (`shop_settings()`); `webhook_url` also receives every
    event."""

    Handler = _Handler

    def __init__(self, webhook_url=None):
        super().__init__()
        self.webhook_url = webhook_url
        self.client_id = "fake-client-id"
        self.client_secret = "fake-client-secret"
        self.subscription_key = "fake-subscription-key"
        self.merchant_serial_number = "123456"
        # Every webhook registered here gets this secret, so a test knows it.
        self.webhook_secret = "fake-webhook-secret-0123456789abcdef"
        self.token_seconds = 3600  # Vipps' test environment: one hour
        self.payments = {}  # reference -> the payment as GET returns it
        self.webhooks = {}  # id -> {"id", "url", "events"}
        self.requests = []  # (method, path, headers, body) of API calls
        self.token_requests = 0
        self.webhook_deliveries = []  # {"url", "headers", "body", "status"}
        self.webhook_attempts = 4  # per event and address, as Vipps retries
        # Vipps sends webhooks while the customer is on the way back, so the
        # two meet in any order; True sends them first (for a shop on SQLite
        # in a browser test, whose in-memory database takes one at a time).
        self.webhooks_before_return = False
        self.webhook_retry_seconds = 0.2
        self._events = {}  # reference -> [event, ...]
        self._orders = {}  # reference -> {"returnUrl", "description", ...}
        self._tokens = {}  # token -> expiry (time.time())
        self._idempotent = {}  # (method, path, key) -> (body, status, answer)
        self._faults = []
        self._lock = threading.RLock()
        self._outbox = queue.Queue()
        self._sender = None

    def shop_settings(self) -> dict:
        """The settings that point the shop at this fake."""
        return {
            "VIPPS_API_BASE": self.url,
            "VIPPS_CLIENT_ID": self.client_id,
            "VIPPS_CLIENT_SECRET": self.client_secret,
            "VIPPS_SUBSCRIPTION_KEY": self.subscription_key,
            "VIPPS_MERCHANT_SERIAL_NUMBER": self.merchant_serial_number,
            "VIPPS_WEBHOOK_SECRET": self.webhook_secret,
        }

    def start(self, port=0):
        super().start(port)
        self._sender = threading.Thread(target=self._send_webhooks, daemon=True)
        self._sender.start()
        return self

    def stop(self):
        self._outbox.put(None)
        super().stop()
        self._sender.join(timeout=5)

    # --- switches for tests ------------------------------------------------

    def fail_next(self, status=500, times=1, *, after_acting=False):
        """The next `times` API calls (not the token call) answer `status`;
        with `after_acting` the fake first does what was asked, and keeps
        the real answer for a retry with the same Idempotency-Key."""
        with self._lock:
            self._faults.append(_Fault("fail", status, 0, times, after_acting))

    def hang_next(self, seconds, times=1, *, after_acting=False):
        """The next `times` API calls answer only after `seconds`: with
        `after_acting` the fake acts first and then answers late; without,
        it waits and answers 503 without acting."""
        with self._lock:
            self._faults.append(_Fault("hang", 503, seconds, times, after_acting))

    def _take_fault(self):
        with self._lock:
            if not self._faults:
                return None
            fault = self._faults[0]
            fault.times -= 1
            if fault.times <= 0:
                self._faults.pop(0)
            return fault

    def expire_tokens(self):
        """Vipps forgets every token it gave out (as when one expires)."""
        with self._lock:
            self._tokens.clear()

    # --- what the customer (or time) does ----------------------------------

    def landing_url(self, reference):
        return f"{self.url}/landing/{reference}"

    def approve(self, reference):
        """The customer approves in the app: the amount is reserved."""
        with self._lock:
            payment = self._created(reference)
            payment["state"] = "AUTHORIZED"
            payment["aggregate"]["authorizedAmount"] = dict(payment["amount"])
            payment["paymentMethod"] = {"type": "WALLET", "cardBin": "540185"}
            self._event(
                reference,
                "AUTHORIZED",
                payment["amount"]["value"],
                self._orders[reference]["idempotencyKey"],
            )
            return copy.deepcopy(payment)

    def decline(self, reference):
        """The customer aborts the payment."""
        return self._end(reference, "ABORTED")

    def expire(self, reference):
        """Nobody acted on the payment in time."""
        return self._end(reference, "EXPIRED")

    def _end(self, reference, state):
        with self._lock:
            payment = self._created(reference)
            payment["state"] = state
            self._event(
                reference,
                state,
                payment["amount"]["value"],
                self._orders[reference]["idempotencyKey"],
            )
            return copy.deepcopy(payment)

    def _created(self, reference):
        payment = self.payments[reference]
        if payment["state"] != "CREATED":
            raise ValueError(f"{reference} is {payment['state']}, not CREATED")
        return payment

    def events(self, reference):
        with self._lock:
            return copy.deepcopy(self._events.get(reference, []))

    # --- the ePayment API ----------------------------------------------------

    def _idempotent_call(self, method, path, key, body, act):
        """Vipps' idempotency: a key seen with the same body replays the first
        answer; with another body it is a 409. Call under the lock."""
        slot = (method, path, key)
        if slot in self._idempotent:
            first_body, status, answer = self._idempotent[slot]
            if first_body != body:
                raise _Problem(
                    409,
                    "Conflict",
                    "The Idempotency-Key was already used with another request body.",
                )
            return status, copy.deepcopy(answer)
        status, answer = act()
        self._idempotent[slot] = (body, status, copy.deepcopy(answer))
        return status, answer

    def _create(self, body):
        if not isinstance(body, dict):
            raise _Problem(400, "Bad Request", "The request body must be an object.")
        reference = body.get("reference")
        if not isinstance(reference, str) or not REFERENCE.match(reference):
            raise _Problem(
                400,
                "Bad Request",
                "reference must be 8 to 50 characters of a-z, A-Z, 0-9 and '-'.",
                extraDetails=[{"name": "reference", "reason": "Invalid format"}],
            )
        amount = self._amount_field(body.get("amount"), "amount")
        if amount["value"] < 100:
            raise _Problem(400, "Bad Request", "amount must be at least 1.00 NOK.")
        if body.get("paymentMethod", {}).get("type") not in ("WALLET", "CARD"):
            raise _Problem(400, "Bad Request", "paymentMethod.type is required.")
        flow = body.get("userFlow")
        if flow not in USER_FLOWS:
            raise _Problem(400, "Bad Request", f"Invalid userFlow: {flow}.")
        return_url = body.get("returnUrl")
        if flow in ("WEB_REDIRECT", "NATIVE_REDIRECT") and not return_url:
            raise _Problem(
                400, "Bad Request", "returnUrl is required for this userFlow."
            )
        if reference in self.payments:
            raise _Problem(
                409,
                "Conflict",
                f"A payment with reference {reference} already exists.",
            )
        self.payments[reference] = {
            "aggregate": {
                name: {"currency": amount["currency"], "value": 0}
                for name in (
                    "authorizedAmount",
                    "cancelledAmount",
                    "capturedAmount",
                    "refundedAmount",
                )
            },
            "amount": amount,
            "state": "CREATED",
            "paymentMethod": {"type": body["paymentMethod"]["type"]},
            "profile": {},
            "pspReference": str(uuid.uuid4()),
            "redirectUrl": self.landing_url(reference),
            "reference": reference,
        }
        self._orders[reference] = {
            "returnUrl": return_url,
            "userFlow": flow,
            "description": body.get("paymentDescription", ""),
            "customer": body.get("customer"),
            # Vipps logs the customer's answer with the create call's key.
            "idempotencyKey": self._current_key,
        }
        self._event(reference, "CREATED", amount["value"], self._current_key)
        answer = {"reference": reference}
        if flow != "PUSH_MESSAGE":
            answer["redirectUrl"] = self.landing_url(reference)
        return 201, answer

    @staticmethod
    def _amount_field(amount, name):
        if (
            not isinstance(amount, dict)
            or amount.get("currency") not in ("NOK", "DKK", "EUR")
            or isinstance(amount.get("value"), bool)
            or not isinstance(amount.get("value"), int)
            or not 0 <= amount["value"] <= MAX_AMOUNT
        ):
            raise _Problem(
                400,
                "Bad Request",
                f"{name} must be {{currency, value}} with value in minor units.",
                extraDetails=[{"name": name, "reason": "Invalid amount"}],
            )
        return {"currency": amount["currency"], "value": amount["value"]}

    def _payment(self, reference):
        try:
            return self.payments[reference]
        except KeyError:
            raise _Problem(
                404, "Not Found", f"No payment with reference {reference}."
            ) from None

    def _modification(self, reference, action, body):
        payment = self._payment(reference)
        aggregate = payment["aggregate"]
        value = {name: amount["value"] for name, amount in aggregate.items()}
        if action == "cancel":
            return self._cancel(payment, value)
        amount = self._amount_field(
            (body or {}).get("modificationAmount"), "modificationAmount"
        )
        if amount["currency"] != payment["amount"]["currency"]:
            raise _Problem(
                400, "Bad Request", "The currency differs from the payment's."
            )
        if amount["value"] <= 0:
            raise _Problem(400, "Bad Request", "The amount must be more than zero.")
        if action == "capture":
            if payment["state"] != "AUTHORIZED":
                raise _Problem(
                    400,
                    "Bad Request",
                    f"Cannot capture a payment in state {payment['state']}.",
                )
            left = (
                value["authorizedAmount"]
                - value["capturedAmount"]
                - value["cancelledAmount"]
            )
            if amount["value"] > left:
                raise _Problem(
                    400,
                    "Bad Request",
                    "Captured amount exceeds the reserved amount.",
                )
            aggregate["capturedAmount"]["value"] += amount["value"]
            self._event(reference, "CAPTURED", amount["value"], self._current_key)
        else:  # refund
            left = value["capturedAmount"] - value["refundedAmount"]
            if amount["value"] > left:
                raise _Problem(
                    400, "Bad Request", "Cannot refund more than captured amount."
                )
            aggregate["refundedAmount"]["value"] += amount["value"]
            self._event(reference, "REFUNDED", amount["value"], self._current_key)
        return 200, self._modification_answer(payment)

    def _cancel(self, payment, value):
        reference = payment["reference"]
        if payment["state"] == "CREATED":
            payment["state"] = "TERMINATED"
            payment["aggregate"]["cancelledAmount"]["value"] = payment["amount"][
                "value"
            ]
            self._event(
                reference, "TERMINATED", payment["amount"]["value"], self._current_key
            )
            return 200, self._modification_answer(payment)
        if payment["state"] != "AUTHORIZED":
            raise _Problem(
                400,
                "Bad Request",
                f"Cannot cancel a payment in state {payment['state']}.",
            )
        if value["cancelledAmount"]:
            raise _Problem(400, "Bad Request", "The payment is already cancelled.")
        left = value["authorizedAmount"] - value["capturedAmount"]
        if left <= 0:
            raise _Problem(
                400,
                "Bad Request",
                "Cannot cancel a fully captured payment; refund it instead.",
            )
        payment["aggregate"]["cancelledAmount"]["value"] = left
        self._event(reference, "CANCELLED", left, self._current_key)
        return 200, self._modification_answer(payment)

    @staticmethod
    def _modification_answer(payment):
        return {
            "amount": dict(payment["amount"]),
            "state": payment["state"],
            "aggregate": copy.deepcopy(payment["aggregate"]),
            "pspReference": _psp_reference(),
            "reference": payment["reference"],
        }

    _current_key = None  # the Idempotency-Key of the call being handled

    # --- events and webhooks -------------------------------------------------

    def _event(self, reference, name, value, idempotency_key=None):
        """Log the event and queue its webhook. Call under the lock."""
        payment = self.payments[reference]
        event = {
            "reference": reference,
            "pspReference": (
                payment["pspReference"] if name == "CREATED" else _psp_reference()
            ),
            "name": name,
            "amount": {"currency": payment["amount"]["currency"], "value": value},
            "timestamp": _now_iso(),
            "idempotencyKey": idempotency_key,
            "success": True,
        }
        self._events.setdefault(reference, []).append(event)
        self._outbox.put({"msn": self.merchant_serial_number, **event})

    def _register(self, body):
        if not isinstance(body, dict):
            raise _Problem(400, "Bad Request", "The request body must be an object.")
        url, events = body.get("url"), body.get("events")
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise _Problem(
                400,
                "Bad Request",
                "One or more validation errors occurred.",
                extraDetails=[
                    {"name": "url", "reason": "The property must be a valid URL."}
                ],
            )
        if not isinstance(events, list) or not events:
            raise _Problem(
                400,
                "Bad Request",
                "One or more validation errors occurred.",
                extraDetails=[
                    {"name": "events", "reason": "At least one event is required."}
                ],
            )
        webhook_id = str(uuid.uuid4())
        self.webhooks[webhook_id] = {"id": webhook_id, "url": url, "events": events}
        return 201, {"id": webhook_id, "secret": self.webhook_secret}

    def signed_request(self, url, body, *, secret=None, date=None):
        """The headers Vipps sends with `body` (bytes) to `url`."""
        parts = urlsplit(url)
        path_and_query = parts.path + (f"?{parts.query}" if parts.query else "")
        date = date or formatdate(usegmt=True)
        content_hash = base64.b64encode(hashlib.sha256(body).digest()).decode()
        return {
            "Content-Type": "application/json",
            "Host": parts.netloc,
            "x-ms-date": date,
            "x-ms-content-sha256": content_hash,
            "Authorization": sign(
                secret or self.webhook_secret,
                "POST",
                path_and_query,
                date,
                parts.netloc,
                content_hash,
            ),
        }

    def _targets(self, event):
        event_type = f"epayments.payment.{event['name'].lower()}.v1"
        with self._lock:
            urls = [
                hook["url"]
                for hook in self.webhooks.values()
                if event_type in hook["events"]
            ]
        if self.webhook_url and self.webhook_url not in urls:
            urls.append(self.webhook_url)
        return urls

    def _send_webhooks(self):
        while (event := self._outbox.get()) is not None:
            try:
                for url in self._targets(event):
                    self._deliver(url, event)
            finally:
                self._outbox.task_done()
        self._outbox.task_done()

    def _deliver(self, url, event):
        """Send until the shop takes it, as Vipps retries a webhook the shop
        could not take (unreachable or 5xx: a database busy for a moment),
        each time signed afresh; here a few times, a moment apart."""
        for attempt in range(1, self.webhook_attempts + 1):
            status = self.send_webhook(url, event)
            if status is not None and status < 500:
                return
            time.sleep(self.webhook_retry_seconds * attempt)

    def send_webhook(self, url, event, *, secret=None, date=None):
        """POST one signed event to `url`; returns (and records) the status,
        None if the shop could not be reached (Vipps would retry later)."""
        body = json.dumps(event).encode()
        headers = self.signed_request(url, body, secret=secret, date=date)
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:  # 4xx/5xx are answers too
            status = error.code
        except OSError:
            status = None
        with self._lock:
            self.webhook_deliveries.append(
                {"url": url, "headers": headers, "body": body, "status": status}
            )
        return status

    def wait_for_webhooks(self, timeout=5):
        """Wait until every event so far has been sent."""
        deadline = time.monotonic() + timeout
        while self._outbox.unfinished_tasks:
            if time.monotonic() > deadline:
                raise TimeoutError("webhooks still being sent")
            time.sleep(0.01)


def main():
    """``python -m tests.fake_vipps``: try Vipps payments with `make run`."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--webhook-url", default="http://127.0.0.1:8000/vipps/webhook/")
    options = parser.parse_args()
    fake = FakeVipps(webhook_url=options.webhook_url).start(port=options.port)
    print(  # noqa: T201 a command-line tool telling its user how to start the shop
        "Fake Vipps is listening. Start the shop with:\n"
        f"  VIPPS_API_BASE={fake.url} VIPPS_CLIENT_ID={fake.client_id} "
        f"VIPPS_CLIENT_SECRET={fake.client_secret} "
        f"VIPPS_SUBSCRIPTION_KEY={fake.subscription_key} "
        f"VIPPS_MERCHANT_SERIAL_NUMBER={fake.merchant_serial_number} "
        f"VIPPS_WEBHOOK_SECRET={fake.webhook_secret} make run\n"
        f"Webhooks go to {fake.webhook_url}. Ctrl-C stops it.",
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
