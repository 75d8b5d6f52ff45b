"""The fake Vipps speaks Vipps' protocol: its answers fit the schemas of the
official OpenAPI description, it keeps Vipps' rules, and its landing page
and webhooks work. Plain HTTP with `requests`, not the shop's client, so the
fake is checked on its own."""

import copy
import re
import threading
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
import yaml
from openapi_schema_validator import OAS30Validator

from tests.fake_vipps import FakeVipps

DESCRIPTION = Path(__file__).resolve().parent.parent / "apis" / "vipps-epayment.v1.yml"
REFERENCE = "skinome-100042"


@cache
def components():
    spec = yaml.safe_load(DESCRIPTION.read_text())
    found = copy.deepcopy(spec["components"])
    # The description lists `paymentAction` as required in PaymentEvent, a
    # leftover of an older event shape: it is no property of the schema, and
    # Vipps' own example event logs (and the WebhookEvent schema) lack it.
    required = found["schemas"]["PaymentEvent"]["required"]
    required.remove("paymentAction")
    return found


def assert_fits(instance, schema_name):
    schema = {
        "$ref": f"#/components/schemas/{schema_name}",
        "components": components(),
    }
    OAS30Validator(schema, format_checker=OAS30Validator.FORMAT_CHECKER).validate(
        instance
    )


def test_the_schema_check_can_fail():
    with pytest.raises(Exception, match="is not one of"):
        assert_fits({"value": 100, "currency": "SEK"}, "Amount")


class Client:
    """Calls the fake as a merchant's server would, with a token."""

    def __init__(self, fake):
        self.fake = fake
        self.token = requests.post(
            f"{fake.url}/accesstoken/get",
            headers={
                "client_id": fake.client_id,
                "client_secret": fake.client_secret,
                "Ocp-Apim-Subscription-Key": fake.subscription_key,
            },
            timeout=5,
        ).json()["access_token"]
        self.keys = 0

    def headers(self, **extra):
        return {
            "Authorization": f"Bearer {self.token}",
            "Ocp-Apim-Subscription-Key": self.fake.subscription_key,
            "Merchant-Serial-Number": self.fake.merchant_serial_number,
            **extra,
        }

    def post(self, path, body=None, key=None, **headers):
        if key is None:
            self.keys += 1
            key = f"key-{self.keys}"
        return requests.post(
            self.fake.url + path,
            json=body,
            headers=self.headers(**{"Idempotency-Key": key, **headers}),
            timeout=5,
        )

    def get(self, path, **headers):
        return requests.get(
            self.fake.url + path, headers=self.headers(**headers), timeout=5
        )

    def create(self, reference=REFERENCE, value=49900, key=None, **extra):
        body = {
            "amount": {"currency": "NOK", "value": value},
            "paymentMethod": {"type": "WALLET"},
            "reference": reference,
            "returnUrl": "https://shop.example/vipps/return/?order=100042",
            "userFlow": "WEB_REDIRECT",
            "paymentDescription": "Skinome order 100042",
            **extra,
        }
        return self.post("/epayment/v1/payments", body, key=key)

    def modify(self, action, value=None, reference=REFERENCE, key=None):
        body = None
        if value is not None:
            body = {"modificationAmount": {"currency": "NOK", "value": value}}
        return self.post(f"/epayment/v1/payments/{reference}/{action}", body, key=key)


@pytest.fixture
def fake():
    with FakeVipps() as fake:
        yield fake


@pytest.fixture
def client(fake):
    return Client(fake)


def problem_of(answer, status):
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"] == "application/problem+json"
    problem = answer.json()
    assert_fits(problem, "Problem")
    assert problem["status"] == status
    return problem


# --- answers fit the description ------------------------------------------------


def test_a_created_payment_fits_the_schemas(fake, client):
    answer = client.create()
    assert answer.status_code == 201
    assert_fits(answer.json(), "CreatePaymentResponse")
    assert answer.json()["redirectUrl"] == fake.landing_url(REFERENCE)
    payment = client.get(f"/epayment/v1/payments/{REFERENCE}").json()
    assert_fits(payment, "GetPaymentResponse")
    assert payment["state"] == "CREATED"
    assert payment["amount"] == {"currency": "NOK", "value": 49900}


def test_each_step_fits_the_schemas(fake, client):
    client.create()
    fake.approve(REFERENCE)
    for action, value in [("capture", 30000), ("refund", 10000), ("cancel", None)]:
        answer = client.modify(action, value)
        assert answer.status_code == 200, answer.text
        assert_fits(answer.json(), "ModificationResponse")
    assert_fits(
        client.get(f"/epayment/v1/payments/{REFERENCE}").json(), "GetPaymentResponse"
    )
    events = client.get(f"/epayment/v1/payments/{REFERENCE}/events").json()
    assert [e["name"] for e in events] == [
        "CREATED",
        "AUTHORIZED",
        "CAPTURED",
        "REFUNDED",
        "CANCELLED",
    ]
    for event in events:
        assert_fits(event, "PaymentEvent")
    assert [e["amount"]["value"] for e in events] == [49900, 49900, 30000, 10000, 19900]


def test_a_webhook_body_fits_the_schema(fake, receiver):
    fake.webhook_url = receiver.url
    Client(fake).create()
    fake.expire(REFERENCE)
    fake.wait_for_webhooks()
    bodies = [body for _, _, body in receiver.received]
    assert [body["name"] for body in bodies] == ["CREATED", "EXPIRED"]
    for body in bodies:
        assert_fits(body, "WebhookEvent")
        assert body["msn"] == fake.merchant_serial_number


# --- auth ----------------------------------------------------------------------


def test_the_token_call_wants_the_keys(fake):
    answer = requests.post(
        f"{fake.url}/accesstoken/get",
        headers={
            "client_id": fake.client_id,
            "client_secret": "wrong",
            "Ocp-Apim-Subscription-Key": fake.subscription_key,
        },
        timeout=5,
    )
    assert answer.status_code == 401
    token = Client(fake)
    assert token.token.startswith("eyJ")


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": ""},
        {"Authorization": "Bearer made-up"},
        {"Ocp-Apim-Subscription-Key": "wrong"},
    ],
)
def test_a_call_without_a_good_token_or_key_is_401(client, headers):
    problem = problem_of(
        client.get(f"/epayment/v1/payments/{REFERENCE}", **headers), 401
    )
    assert problem["title"] == "Unauthorized"


def test_an_expired_token_is_401(fake, client):
    fake.expire_tokens()
    problem_of(client.get(f"/epayment/v1/payments/{REFERENCE}"), 401)


def test_another_sales_unit_is_403(client):
    answer = client.get(
        f"/epayment/v1/payments/{REFERENCE}", **{"Merchant-Serial-Number": "999999"}
    )
    problem_of(answer, 403)


def test_a_post_without_an_idempotency_key_is_400(fake, client):
    answer = requests.post(
        f"{fake.url}/epayment/v1/payments",
        json={},
        headers=client.headers(),
        timeout=5,
    )
    assert "Idempotency-Key" in problem_of(answer, 400)["detail"]


def test_an_unknown_address_is_404(client):
    problem_of(client.get("/epayment/v2/payments"), 404)
    problem_of(client.get("/epayment/v1/payments/nope-nope-nope"), 404)


# --- Vipps' rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"reference": "short"},
        {"reference": "has spaces in it"},
        {"amount": {"currency": "NOK", "value": "499"}},
        {"amount": {"currency": "SEK", "value": 49900}},
        {"userFlow": "TELEPATHY"},
        {"returnUrl": None},
    ],
)
def test_a_bad_create_is_400(client, change, fake):
    problem_of(client.create(**change), 400)
    assert not fake.payments


def test_a_reference_is_used_once(client):
    assert client.create().status_code == 201
    problem_of(client.create(), 409)


def test_a_used_key_replays_the_first_answer_and_refuses_another_body(fake, client):
    first = client.create(key="k")
    again = client.create(key="k")
    assert (again.status_code, again.json()) == (201, first.json())
    problem_of(client.create(reference="skinome-100043", key="k"), 409)
    assert list(fake.payments) == [REFERENCE]


def test_the_same_key_on_another_endpoint_is_another_request(fake, client):
    client.create(key="k")
    fake.approve(REFERENCE)
    assert client.modify("capture", 100, key="k").status_code == 200


def test_capture_is_at_most_what_is_authorised_and_not_captured(fake, client):
    client.create()
    problem_of(client.modify("capture", 100), 400)  # not approved yet
    fake.approve(REFERENCE)
    assert client.modify("capture", 40000).status_code == 200
    problem = problem_of(client.modify("capture", 9901), 400)
    assert "exceeds" in problem["detail"]
    assert client.modify("capture", 9900).status_code == 200
    problem_of(client.modify("capture", 0), 400)


def test_refund_is_at_most_what_is_captured_and_not_refunded(fake, client):
    client.create()
    fake.approve(REFERENCE)
    problem_of(client.modify("refund", 1), 400)
    client.modify("capture", 20000)
    assert client.modify("refund", 15000).status_code == 200
    problem_of(client.modify("refund", 5001), 400)
    assert client.modify("refund", 5000).status_code == 200


@pytest.mark.parametrize("ending", ["decline", "expire"])
def test_an_ended_payment_cannot_be_approved_captured_or_cancelled(
    fake, client, ending
):
    client.create()
    getattr(fake, ending)(REFERENCE)
    state = {"decline": "ABORTED", "expire": "EXPIRED"}[ending]
    assert fake.payments[REFERENCE]["state"] == state
    with pytest.raises(ValueError):
        fake.approve(REFERENCE)
    problem_of(client.modify("capture", 100), 400)
    problem_of(client.modify("cancel"), 400)


def test_cancel_terminates_a_new_payment_and_cannot_be_repeated(fake, client):
    client.create()
    answer = client.modify("cancel").json()
    assert answer["state"] == "TERMINATED"
    assert answer["aggregate"]["cancelledAmount"]["value"] == 49900
    problem_of(client.modify("cancel"), 400)


def test_cancel_after_a_full_capture_is_400(fake, client):
    client.create()
    fake.approve(REFERENCE)
    client.modify("capture", 49900)
    assert "refund" in problem_of(client.modify("cancel"), 400)["detail"]


# --- faults ----------------------------------------------------------------------


def test_a_fault_before_acting_changes_nothing(fake, client):
    fake.fail_next(500)
    problem_of(client.create(key="k"), 500)
    assert not fake.payments
    assert client.create(key="k").status_code == 201


def test_a_fault_after_acting_keeps_the_real_answer_for_a_retry(fake, client):
    fake.fail_next(500, times=2, after_acting=True)
    problem_of(client.create(key="k"), 500)
    problem_of(client.create(key="k"), 500)
    assert list(fake.payments) == [REFERENCE]
    assert client.create(key="k").status_code == 201
    assert len(fake.events(REFERENCE)) == 1


def test_a_hang_answers_late(fake, client):
    fake.hang_next(2)
    with pytest.raises(requests.Timeout):
        requests.get(
            f"{fake.url}/epayment/v1/payments/{REFERENCE}",
            headers=client.headers(),
            timeout=0.5,
        )
    problem_of(client.get(f"/epayment/v1/payments/{REFERENCE}"), 404)


# --- the landing page and webhooks -------------------------------------------------


class _Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), _Receive)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/vipps/webhook/"


class _Receive(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_POST(self):
        import json

        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append((self.path, dict(self.headers), body))
        self.send_response(204)
        self.end_headers()


@pytest.fixture
def receiver():
    server = _Receiver()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_landing_page_approves_and_sends_the_browser_back(fake, client):
    client.create()
    page = requests.get(fake.landing_url(REFERENCE), timeout=5)
    assert page.status_code == 200
    assert "499,00 NOK" in page.text
    assert '<form method="post"' in page.text
    assert 'value="approve"' in page.text and 'value="decline"' in page.text
    # A strict CSP would block inline code, and the page needs none.
    assert not re.search(r"<script|<style|style=|onclick", page.text)
    answer = requests.post(
        fake.landing_url(REFERENCE),
        data={"outcome": "approve"},
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 303
    assert answer.headers["Location"] == (
        "https://shop.example/vipps/return/?order=100042"
    )
    assert fake.payments[REFERENCE]["state"] == "AUTHORIZED"
    again = requests.get(fake.landing_url(REFERENCE), timeout=5)
    assert "no longer active" in again.text
    assert "<button" not in again.text


def test_the_landing_page_declines(fake, client):
    client.create()
    requests.post(
        fake.landing_url(REFERENCE),
        data={"outcome": "decline"},
        allow_redirects=False,
        timeout=5,
    )
    assert fake.payments[REFERENCE]["state"] == "ABORTED"


def test_an_unknown_landing_page_is_404(fake):
    assert (
        requests.get(fake.landing_url("nope-nope-nope"), timeout=5).status_code == 404
    )


def test_registered_webhooks_get_only_their_events_signed(fake, client, receiver):
    answer = client.post(
        "/webhooks/v1/webhooks",
        {"url": receiver.url, "events": ["epayments.payment.authorized.v1"]},
    )
    assert answer.status_code == 201
    registered = answer.json()
    assert registered["secret"] == fake.webhook_secret
    listed = client.get("/webhooks/v1/webhooks").json()
    assert listed == {
        "webhooks": [
            {
                "id": registered["id"],
                "url": receiver.url,
                "events": ["epayments.payment.authorized.v1"],
            }
        ]
    }
    client.create()
    fake.approve(REFERENCE)
    fake.wait_for_webhooks()
    [(path, headers, body)] = receiver.received
    assert path == "/vipps/webhook/"
    assert body["name"] == "AUTHORIZED"
    assert headers["Authorization"].startswith(
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
    )
    assert headers["Host"] == receiver.url.split("/")[2]

    deleted = requests.delete(
        f"{fake.url}/webhooks/v1/webhooks/{registered['id']}",
        headers=client.headers(),
        timeout=5,
    )
    assert deleted.status_code == 204
    client.create(reference="skinome-100043")
    fake.approve("skinome-100043")
    fake.wait_for_webhooks()
    assert len(receiver.received) == 1


def test_registering_wants_an_address_and_events(client):
    problem_of(
        client.post("/webhooks/v1/webhooks", {"url": "not a url", "events": ["x"]}), 400
    )
    problem_of(
        client.post(
            "/webhooks/v1/webhooks", {"url": "https://a.example/", "events": []}
        ),
        400,
    )


def test_the_webhook_url_hears_every_event_in_order(fake, client, receiver):
    fake.webhook_url = receiver.url
    client.create()
    fake.approve(REFERENCE)
    client.modify("capture", 49900)
    client.modify("refund", 100)
    fake.wait_for_webhooks()
    assert [body["name"] for _, _, body in receiver.received] == [
        "CREATED",
        "AUTHORIZED",
        "CAPTURED",
        "REFUNDED",
    ]
    assert [d["status"] for d in fake.webhook_deliveries] == [204] * 4


def test_a_shop_that_is_down_is_recorded_and_tried_again_not_fatal(fake, client):
    fake.webhook_url = "http://127.0.0.1:9/vipps/webhook/"
    fake.webhook_retry_seconds = 0.01
    client.create()
    fake.wait_for_webhooks()
    assert [d["status"] for d in fake.webhook_deliveries] == [None] * 4


def test_a_webhook_the_shop_answered_with_5xx_is_sent_again_until_taken(fake, client):
    fake.webhook_retry_seconds = 0.01
    answers = iter([503, 200])

    class Shop(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(next(answers))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    shop = ThreadingHTTPServer(("127.0.0.1", 0), Shop)
    threading.Thread(target=shop.serve_forever, args=(0.05,), daemon=True).start()
    try:
        fake.webhook_url = f"http://127.0.0.1:{shop.server_address[1]}/vipps/webhook/"
        client.create()
        fake.wait_for_webhooks()
    finally:
        shop.shutdown()
        shop.server_close()
    deliveries = fake.webhook_deliveries
    assert [d["status"] for d in deliveries] == [503, 200]
    assert deliveries[0]["body"] == deliveries[1]["body"]
