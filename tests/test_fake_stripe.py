"""The fake Stripe answers the official client the way Stripe does.

If these pass, the shop's Stripe code runs unchanged against the fake: the
same client, the same calls, the same exceptions, the same signed webhooks.
"""

import json
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest
import stripe

from tests.fake_stripe import FakeStripe, parse_form

SUCCESS_URL = "http://shop.test/checkout/paid/?session_id={CHECKOUT_SESSION_ID}"
CANCEL_URL = "http://shop.test/checkout/card/"


@pytest.fixture
def fake():
    with FakeStripe() as fake:
        yield fake


def make_client(fake, api_key="sk_test_fake", timeout=5):
    return stripe.StripeClient(
        api_key,
        base_addresses={"api": fake.url},
        max_network_retries=0,
        http_client=stripe.RequestsClient(timeout=timeout),
    )


def session_params(order_number="100042"):
    return {
        "mode": "payment",
        "client_reference_id": order_number,
        "customer_email": "kari@example.no",
        "metadata": {"order_number": order_number},
        "success_url": SUCCESS_URL,
        "cancel_url": CANCEL_URL,
        "line_items": [
            {
                "quantity": 2,
                "price_data": {
                    "currency": "nok",
                    "unit_amount": 54900,
                    "product_data": {"name": "Serum"},
                },
            },
            {
                "quantity": 1,
                "price_data": {
                    "currency": "nok",
                    "unit_amount": 36995,
                    "product_data": {"name": "Cream"},
                },
            },
        ],
    }


def create(fake, key="order-100042", **params):
    return make_client(fake).v1.checkout.sessions.create(
        params={**session_params(), **params}, options={"idempotency_key": key}
    )


def test_the_client_creates_a_checkout_session(fake):
    session = create(fake)

    assert session.id.startswith("cs_test_")
    assert session.object == "checkout.session"
    assert session.url == f"{fake.url}/pay/{session.id}"
    assert session.amount_total == 2 * 54900 + 36995
    assert session.currency == "nok"
    assert session.status == "open"
    assert session.payment_status == "unpaid"
    assert session.client_reference_id == "100042"
    assert session.metadata["order_number"] == "100042"
    assert session.payment_intent is None
    assert session.expires_at == session.created + 86400
    assert fake.sessions[session.id]["amount_total"] == 146795

    method, path, params, headers = fake.requests[-1]
    assert (method, path) == ("POST", "/v1/checkout/sessions")
    assert params["line_items"][1]["price_data"]["product_data"]["name"] == "Cream"
    assert headers["Authorization"] == "Bearer sk_test_fake"
    assert headers["Idempotency-Key"] == "order-100042"


@pytest.mark.parametrize(
    ("ahead", "accepted"),
    [(1800 + 60, True), (86400, True), (1800 - 60, False), (86400 + 60, False)],
)
def test_expires_at_must_be_thirty_minutes_to_a_day_ahead(fake, ahead, accepted):
    expires_at = int(time.time()) + ahead
    if accepted:
        assert create(fake, expires_at=expires_at).expires_at == expires_at
        return
    with pytest.raises(stripe.InvalidRequestError) as error:
        create(fake, expires_at=expires_at)
    assert error.value.http_status == 400
    assert error.value.param == "expires_at"
    assert fake.sessions == {}


def test_a_session_past_its_expiry_is_closed_and_stripe_says_so(fake):
    session = create(fake, expires_at=int(time.time()) + 1800 + 60)
    other = create(fake, key="order-100043")  # Stripe's default: a day
    with WebhookReceiver() as receiver:
        fake.webhook_url = receiver.url
        assert fake.pass_time(1800) == []  # not yet
        (event,) = fake.pass_time(120)

    assert event["type"] == "checkout.session.expired"
    assert event["data"]["object"]["id"] == session.id
    ((headers, body),) = receiver.received
    verified = stripe.Webhook.construct_event(
        body, headers["Stripe-Signature"], fake.webhook_secret
    )
    assert verified.data.object.status == "expired"
    assert fake.webhook_responses == [200]
    client = make_client(fake)
    assert client.v1.checkout.sessions.retrieve(session.id).status == "expired"
    assert client.v1.checkout.sessions.retrieve(other.id).status == "open"


def test_an_expired_session_cannot_be_paid(fake):
    session = create(fake, expires_at=int(time.time()) + 1800 + 60)
    fake.pass_time(1900)

    status, _, page = submit(session.url, "pay")

    assert status == 200
    assert "This Checkout Session is no longer active." in page
    assert fake.sessions[session.id]["payment_status"] == "unpaid"
    with pytest.raises(ValueError):
        fake.complete(session.id)


def test_form_parsing_rebuilds_nested_lists_and_dicts():
    body = "a[0][b]=1&a[1][b]=2&m[k]=v&m[e]=&x=y"
    assert parse_form(body) == {
        "a": [{"b": "1"}, {"b": "2"}],
        "m": {"k": "v", "e": ""},
        "x": "y",
    }


def test_a_repeated_idempotency_key_returns_the_same_session(fake):
    first = create(fake)
    again = create(fake)
    other = create(fake, key="order-100043")

    assert again.id == first.id
    assert other.id != first.id
    assert len(fake.sessions) == 2


def test_an_idempotency_key_reused_with_other_params_is_refused(fake):
    create(fake)
    with pytest.raises(stripe.IdempotencyError):
        create(fake, customer_email="someone@else.example")


def test_retrieve_returns_the_session_and_unknown_ids_are_404(fake):
    created = create(fake)
    client = make_client(fake)

    assert client.v1.checkout.sessions.retrieve(created.id).id == created.id
    with pytest.raises(stripe.InvalidRequestError) as error:
        client.v1.checkout.sessions.retrieve("cs_test_nope")
    assert error.value.http_status == 404
    assert error.value.code == "resource_missing"


def test_expire_closes_an_open_session_but_not_a_paid_one(fake):
    client = make_client(fake)
    open_one = create(fake)
    paid_one = create(fake, key="order-100043")
    fake.complete(paid_one.id)

    assert client.v1.checkout.sessions.expire(open_one.id).status == "expired"
    with pytest.raises(stripe.InvalidRequestError) as error:
        client.v1.checkout.sessions.expire(paid_one.id)
    assert error.value.http_status == 400
    assert "can be expired" in error.value.user_message
    assert fake.sessions[paid_one.id]["status"] == "complete"


def test_a_stripe_error_raises_api_error_once_and_is_replayed_for_its_key(fake):
    fake.next_create = "error"
    with pytest.raises(stripe.APIError) as error:
        create(fake)
    assert error.value.http_status == 500
    assert fake.next_create == "ok"
    assert fake.sessions == {}

    # Like Stripe, the key's first answer, a 500 included, is what it replays.
    with pytest.raises(stripe.APIError):
        create(fake)
    assert create(fake, key="order-100042-2").status == "open"


def test_a_slow_stripe_times_out_and_the_retry_gets_the_same_session(fake):
    fake.next_create = "timeout"
    fake.timeout_seconds = 2
    slow_client = make_client(fake, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(stripe.APIConnectionError):
        slow_client.v1.checkout.sessions.create(
            params=session_params(), options={"idempotency_key": "order-100042"}
        )
    assert time.monotonic() - started < 1.5

    (session_id,) = fake.sessions  # Stripe made it; only the answer was late
    assert create(fake).id == session_id


@pytest.mark.parametrize(
    ("api_key", "message"),
    [("", "did not provide an API key"), ("pk_test_public", "Invalid API Key")],
)
def test_a_missing_or_wrong_api_key_is_refused_by_the_server(fake, api_key, message):
    # An empty key gets past the client's own None check, so the 401 is the fake's.
    with pytest.raises(stripe.AuthenticationError) as error:
        make_client(fake, api_key=api_key).v1.checkout.sessions.create(
            params=session_params()
        )
    assert error.value.http_status == 401
    assert message in error.value.user_message
    assert fake.sessions == {}


def test_json_answers_carry_content_type_and_request_id(fake):
    request = urllib.request.Request(
        f"{fake.url}/v1/checkout/sessions/cs_test_nope",
        headers={"Authorization": "Bearer sk_test_fake"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=5)
    assert error.value.code == 404
    assert error.value.headers["Content-Type"] == "application/json"
    assert error.value.headers["Request-Id"].startswith("req_")
    body = json.loads(error.value.read())
    assert body["error"]["type"] == "invalid_request_error"


def test_signatures_verify_with_the_official_library(fake):
    session = create(fake)
    payload = json.dumps(fake.event("checkout.session.completed", session))

    event = stripe.Webhook.construct_event(
        payload, fake.sign(payload), "whsec_test_secret"
    )
    assert event.type == "checkout.session.completed"
    assert event.data.object.id == session.id

    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(
            payload, fake.sign(payload, secret="whsec_other"), "whsec_test_secret"
        )
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(
            payload,
            fake.sign(payload, timestamp=int(time.time()) - 3600),
            "whsec_test_secret",
        )


class WebhookReceiver:
    """A stand-in for the shop's webhook endpoint: records what arrives."""

    def __init__(self, status=200):
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                receiver.received.append((dict(self.headers), body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/stripe/webhook/"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # let the test see the 303 itself


def submit(url, outcome):
    opener = urllib.request.build_opener(NoRedirects)
    data = urlencode({"outcome": outcome}).encode()
    try:
        with opener.open(url, data=data, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_the_payment_page_shows_the_amount_and_the_choices(fake):
    session = create(fake)
    with urllib.request.urlopen(session.url, timeout=5) as response:
        page = response.read().decode()

    assert "1467.95 NOK" in page
    assert f'action="/pay/{session.id}"' in page
    assert '<button name="outcome" value="pay">Pay</button>' in page
    assert '<button name="outcome" value="decline">Decline card</button>' in page
    assert f'<a href="{CANCEL_URL}">Back to the shop</a>' in page


def test_paying_redirects_to_the_shop_and_sends_a_signed_webhook(fake):
    session = create(fake)
    with WebhookReceiver() as receiver:
        fake.webhook_url = receiver.url
        status, headers, _ = submit(session.url, "pay")

    assert status == 303
    assert headers["Location"] == SUCCESS_URL.replace(
        "{CHECKOUT_SESSION_ID}", session.id
    )
    assert fake.webhook_responses == [200]
    ((webhook_headers, body),) = receiver.received
    event = stripe.Webhook.construct_event(
        body, webhook_headers["Stripe-Signature"], fake.webhook_secret
    )
    assert event.type == "checkout.session.completed"
    assert event.data.object.id == session.id
    assert event.data.object.payment_status == "paid"
    assert event.data.object.payment_intent.startswith("pi_test_")

    paid = make_client(fake).v1.checkout.sessions.retrieve(session.id)
    assert (paid.status, paid.payment_status) == ("complete", "paid")


def test_a_declined_card_leaves_the_session_open_for_another_try(fake):
    session = create(fake)
    with WebhookReceiver() as receiver:
        fake.webhook_url = receiver.url
        status, _, page = submit(session.url, "decline")
        assert receiver.received == []

    assert status == 402
    assert "Your card was declined." in page
    assert "Back to the shop" in page
    assert fake.sessions[session.id]["status"] == "open"
    assert fake.webhook_responses == []
    assert submit(session.url, "pay")[0] == 303
    assert fake.webhook_responses == [None]  # the receiver is gone: unreachable


def test_complete_and_send_event_report_the_shops_answer(fake):
    session = create(fake)
    with WebhookReceiver(status=400) as receiver:
        fake.webhook_url = receiver.url
        paid = fake.complete(session.id)
        status, _ = fake.send_event(fake.event("checkout.session.completed", paid))

    assert paid["status"] == "complete"
    assert fake.webhook_responses == [400]
    assert status == 400
    assert len(receiver.received) == 2


def test_stop_closes_the_port():
    with FakeStripe() as fake:
        url = fake.url
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/v1/checkout/sessions/x", timeout=2)
