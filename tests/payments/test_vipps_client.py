"""The Vipps client against the fake Vipps over HTTP: the token, a payment's
life, idempotent retries, faults, and the webhook signature check."""

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command

from shop.commerce.payments import vipps
from tests.fake_vipps import FakeVipps

REFERENCE = "skinome-100042"


def create(reference=REFERENCE, amount="499.00", key="create-1", **extra):
    return vipps.create_payment(
        reference=reference,
        amount=Decimal(amount),
        currency="NOK",
        description="Skinome order 100042",
        return_url="https://shop.example/vipps/return/100042/",
        user_flow="WEB_REDIRECT",
        idempotency_key=key,
        **extra,
    )


def aggregate(fake, reference=REFERENCE):
    return {
        name.removesuffix("Amount"): amount["value"]
        for name, amount in fake.payments[reference]["aggregate"].items()
    }


def approved(fake, reference=REFERENCE, amount="499.00"):
    create(reference, amount, key=f"create-{reference}")
    fake.approve(reference)


# --- configuration and the token ------------------------------------------------


def test_vipps_is_configured_only_with_all_four_keys(vipps_fake, settings):
    assert vipps.is_configured()
    settings.VIPPS_SUBSCRIPTION_KEY = ""
    assert not vipps.is_configured()


def test_the_token_is_fetched_once_and_kept(vipps_fake):
    create()
    vipps.get_payment(REFERENCE)
    vipps.get_events(REFERENCE)
    assert vipps_fake.token_requests == 1
    token_headers = {
        headers["Authorization"] for _, _, headers, _ in vipps_fake.requests
    }
    assert len(token_headers) == 1


def test_a_token_vipps_no_longer_takes_is_replaced_once(vipps_fake):
    create()
    vipps_fake.expire_tokens()
    assert vipps.get_payment(REFERENCE)["state"] == "CREATED"
    assert vipps_fake.token_requests == 2
    # The fresh token is kept in its turn.
    vipps.get_payment(REFERENCE)
    assert vipps_fake.token_requests == 2


def test_wrong_keys_are_refused_with_vipps_reason(vipps_fake, settings):
    settings.VIPPS_CLIENT_SECRET = "not-the-secret"
    with pytest.raises(vipps.VippsRefused, match="client id or secret"):
        vipps.get_payment(REFERENCE)


def test_every_call_names_the_shop_and_every_post_has_an_idempotency_key(vipps_fake):
    create()
    vipps.get_payment(REFERENCE)
    vipps_fake.approve(REFERENCE)
    vipps.capture(REFERENCE, Decimal("10"), idempotency_key="capture-1")
    for method, _, headers, _ in vipps_fake.requests:
        assert headers["Merchant-Serial-Number"] == vipps_fake.merchant_serial_number
        assert headers["Vipps-System-Name"] == vipps.SYSTEM_NAME
        assert headers["Vipps-System-Plugin-Name"] == vipps.PLUGIN_NAME
        assert headers["Vipps-System-Version"]
        assert headers["Vipps-System-Plugin-Version"]
        assert ("Idempotency-Key" in headers) == (method == "POST")
    keys = [h.get("Idempotency-Key") for m, _, h, _ in vipps_fake.requests]
    assert keys == ["create-1", None, "capture-1"]


# --- a payment's life --------------------------------------------------------------


def test_create_sends_the_amount_in_ore_and_returns_the_landing_page(vipps_fake):
    answer = create(amount="499.50", phone_number="+47 912 34 567")
    assert answer == {
        "reference": REFERENCE,
        "redirectUrl": vipps_fake.landing_url(REFERENCE),
    }
    _, path, _, body = vipps_fake.requests[-1]
    assert path == "/epayment/v1/payments"
    assert body["amount"] == {"currency": "NOK", "value": 49950}
    assert body["paymentMethod"] == {"type": "WALLET"}
    assert body["userFlow"] == "WEB_REDIRECT"
    assert body["returnUrl"] == "https://shop.example/vipps/return/100042/"
    assert body["customer"] == {"phoneNumber": "4791234567"}
    payment = vipps.get_payment(REFERENCE)
    assert payment["state"] == vipps.PaymentState.CREATED
    assert vipps.amount_of(payment) == Decimal("499.50")


def test_without_a_phone_number_no_customer_is_sent(vipps_fake):
    create()
    assert "customer" not in vipps_fake.requests[-1][3]


def test_approve_then_capture_in_two_parts_then_refund(vipps_fake):
    create()
    vipps_fake.approve(REFERENCE)
    assert vipps.get_payment(REFERENCE)["state"] == vipps.PaymentState.AUTHORIZED

    first = vipps.capture(REFERENCE, Decimal("200.00"), idempotency_key="cap-1")
    assert first["aggregate"]["capturedAmount"]["value"] == 20000
    rest = vipps.capture(REFERENCE, Decimal("299.00"), idempotency_key="cap-2")
    assert rest["aggregate"]["capturedAmount"]["value"] == 49900
    with pytest.raises(vipps.VippsRefused, match="exceeds the reserved amount"):
        vipps.capture(REFERENCE, Decimal("0.01"), idempotency_key="cap-3")

    vipps.refund(REFERENCE, Decimal("99.00"), idempotency_key="ref-1")
    with pytest.raises(vipps.VippsRefused, match="more than captured") as refused:
        vipps.refund(REFERENCE, Decimal("400.01"), idempotency_key="ref-2")
    assert refused.value.status == 400
    full = vipps.refund(REFERENCE, Decimal("400.00"), idempotency_key="ref-3")
    assert full["aggregate"]["refundedAmount"]["value"] == 49900
    assert full["state"] == vipps.PaymentState.AUTHORIZED

    names = [event["name"] for event in vipps.get_events(REFERENCE)]
    assert names == [
        "CREATED",
        "AUTHORIZED",
        "CAPTURED",
        "CAPTURED",
        "REFUNDED",
        "REFUNDED",
    ]
    assert [vipps.amount_of(e) for e in vipps.get_events(REFERENCE)][2:] == [
        Decimal("200.00"),
        Decimal("299.00"),
        Decimal("99.00"),
        Decimal("400.00"),
    ]


def test_capture_before_approval_is_refused(vipps_fake):
    create()
    with pytest.raises(vipps.VippsRefused, match="state CREATED"):
        vipps.capture(REFERENCE, Decimal("1"), idempotency_key="cap-1")
    assert aggregate(vipps_fake)["captured"] == 0


def test_cancel_before_approval_terminates_the_payment(vipps_fake):
    create()
    answer = vipps.cancel(REFERENCE, idempotency_key="cancel-1")
    assert answer["state"] == vipps.PaymentState.TERMINATED
    assert vipps.get_events(REFERENCE)[-1]["name"] == vipps.EventName.TERMINATED
    with pytest.raises(ValueError):
        vipps_fake.approve(REFERENCE)


def test_cancel_after_approval_releases_what_is_not_captured(vipps_fake):
    approved(vipps_fake)
    vipps.capture(REFERENCE, Decimal("100.00"), idempotency_key="cap-1")
    answer = vipps.cancel(REFERENCE, idempotency_key="cancel-1")
    # Vipps keeps the state; the aggregate says what was released.
    assert answer["state"] == vipps.PaymentState.AUTHORIZED
    assert aggregate(vipps_fake) == {
        "authorized": 49900,
        "cancelled": 39900,
        "captured": 10000,
        "refunded": 0,
    }
    assert vipps.get_events(REFERENCE)[-1]["name"] == vipps.EventName.CANCELLED
    with pytest.raises(vipps.VippsRefused):
        vipps.capture(REFERENCE, Decimal("1.00"), idempotency_key="cap-2")


def test_a_fully_captured_payment_cannot_be_cancelled(vipps_fake):
    approved(vipps_fake)
    vipps.capture(REFERENCE, Decimal("499.00"), idempotency_key="cap-1")
    with pytest.raises(vipps.VippsRefused, match="fully captured"):
        vipps.cancel(REFERENCE, idempotency_key="cancel-1")


def test_an_unknown_payment_is_refused_not_unavailable(vipps_fake):
    with pytest.raises(vipps.VippsRefused, match="Not Found") as refused:
        vipps.get_payment("no-such-payment")
    assert refused.value.status == 404
    assert refused.value.problem["status"] == 404


# --- idempotency -----------------------------------------------------------------


def test_the_same_key_twice_makes_one_payment(vipps_fake):
    assert create(key="same") == create(key="same")
    assert list(vipps_fake.payments) == [REFERENCE]
    assert [e["name"] for e in vipps_fake.events(REFERENCE)] == ["CREATED"]


def test_the_same_key_twice_captures_once(vipps_fake):
    approved(vipps_fake)
    first = vipps.capture(REFERENCE, Decimal("100"), idempotency_key="cap")
    again = vipps.capture(REFERENCE, Decimal("100"), idempotency_key="cap")
    assert again == first
    assert aggregate(vipps_fake)["captured"] == 10000


def test_a_used_key_with_another_amount_is_refused(vipps_fake):
    approved(vipps_fake)
    vipps.capture(REFERENCE, Decimal("100"), idempotency_key="cap")
    with pytest.raises(vipps.VippsRefused, match="Conflict") as refused:
        vipps.capture(REFERENCE, Decimal("200"), idempotency_key="cap")
    assert refused.value.status == 409
    assert aggregate(vipps_fake)["captured"] == 10000


def test_a_500_after_vipps_acted_then_a_retry_captures_once(vipps_fake):
    approved(vipps_fake)
    vipps_fake.fail_next(500, after_acting=True)
    with pytest.raises(vipps.VippsUnavailable, match="500"):
        vipps.capture(REFERENCE, Decimal("499"), idempotency_key="cap")
    assert aggregate(vipps_fake)["captured"] == 49900  # it did act
    answer = vipps.capture(REFERENCE, Decimal("499"), idempotency_key="cap")
    assert answer["aggregate"]["capturedAmount"]["value"] == 49900
    captures = [e for e in vipps_fake.events(REFERENCE) if e["name"] == "CAPTURED"]
    assert len(captures) == 1


def test_a_500_after_vipps_acted_then_a_retry_creates_one_payment(vipps_fake):
    vipps_fake.fail_next(502, after_acting=True)
    with pytest.raises(vipps.VippsUnavailable):
        create(key="create")
    assert create(key="create")["reference"] == REFERENCE
    assert [e["name"] for e in vipps_fake.events(REFERENCE)] == ["CREATED"]


def test_a_500_before_vipps_acted_then_a_retry_acts_once(vipps_fake):
    approved(vipps_fake)
    vipps.capture(REFERENCE, Decimal("10"), idempotency_key="cap")
    vipps_fake.fail_next(503)
    with pytest.raises(vipps.VippsUnavailable):
        vipps.refund(REFERENCE, Decimal("1"), idempotency_key="ref")
    assert aggregate(vipps_fake)["refunded"] == 0
    vipps.refund(REFERENCE, Decimal("1"), idempotency_key="ref")
    vipps.refund(REFERENCE, Decimal("1"), idempotency_key="ref")
    assert aggregate(vipps_fake)["refunded"] == 100


def test_too_many_requests_means_unavailable(vipps_fake):
    vipps_fake.fail_next(429)
    with pytest.raises(vipps.VippsUnavailable, match="429"):
        vipps.get_payment(REFERENCE)


def test_a_hanging_vipps_is_unavailable_within_the_timeout(vipps_fake, settings):
    create()
    vipps_fake.hang_next(5)
    started = time.monotonic()
    with pytest.raises(vipps.VippsUnavailable, match="in time"):
        vipps.get_payment(REFERENCE)
    assert time.monotonic() - started < settings.VIPPS_TIMEOUT_SECONDS + 1


def test_a_capture_answered_too_late_is_retried_to_the_same_capture(vipps_fake):
    approved(vipps_fake)
    vipps_fake.hang_next(3, after_acting=True)
    with pytest.raises(vipps.VippsUnavailable):
        vipps.capture(REFERENCE, Decimal("250"), idempotency_key="cap")
    answer = vipps.capture(REFERENCE, Decimal("250"), idempotency_key="cap")
    assert answer["aggregate"]["capturedAmount"]["value"] == 25000
    assert aggregate(vipps_fake)["captured"] == 25000


def test_vipps_out_of_reach_is_unavailable(vipps_fake, settings):
    with FakeVipps() as gone:
        settings.VIPPS_API_BASE = gone.url  # nothing listens there any more
    with pytest.raises(vipps.VippsUnavailable, match="reached"):
        vipps.get_payment(REFERENCE)


# --- webhooks ----------------------------------------------------------------------


class _Receiver(ThreadingHTTPServer):
    """The shop's end of a webhook: keeps what arrives, answers 200."""

    daemon_threads = True

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), _Receive)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/vipps/webhook/?x=1"


class _Receive(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.path, dict(self.headers), body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def receiver():
    server = _Receiver()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def webhook(vipps_fake, receiver):
    """One AUTHORIZED webhook as the fake sent it: (path, headers, body)."""
    vipps.register_webhook(receiver.url, ["epayments.payment.authorized.v1"])
    create()
    vipps_fake.approve(REFERENCE)
    vipps_fake.wait_for_webhooks()
    [received] = receiver.received
    return received


def verify(path, headers, body, **options):
    return vipps.verified_webhook(
        method="POST", path_and_query=path, headers=headers, body=body, **options
    )


def test_a_webhook_signed_by_vipps_verifies(webhook):
    path, headers, body = webhook
    assert path == "/vipps/webhook/?x=1"
    event = verify(path, headers, body)
    assert event["name"] == vipps.EventName.AUTHORIZED
    assert event["reference"] == REFERENCE
    assert event["msn"] == "123456"
    assert event["amount"] == {"currency": "NOK", "value": 49900}
    assert event["success"] is True


def test_headers_are_read_whatever_their_case(webhook):
    path, headers, body = webhook
    assert verify(path, {k.upper(): v for k, v in headers.items()}, body)


def test_a_changed_body_is_refused(webhook):
    path, headers, body = webhook
    changed = body.replace(b"49900", b"100")
    with pytest.raises(vipps.WebhookSignatureInvalid, match="body"):
        verify(path, headers, changed)


def test_a_changed_body_with_its_own_hash_is_refused(webhook):
    path, headers, body = webhook
    changed = body.replace(b"49900", b"100")
    forged = FakeVipps().signed_request("http://x/", changed)
    headers = {**headers, "x-ms-content-sha256": forged["x-ms-content-sha256"]}
    with pytest.raises(vipps.WebhookSignatureInvalid, match="signature"):
        verify(path, headers, changed)


def test_another_secret_or_path_is_refused(webhook):
    path, headers, body = webhook
    with pytest.raises(vipps.WebhookSignatureInvalid):
        verify(path, headers, body, secret="someone-elses-secret")
    with pytest.raises(vipps.WebhookSignatureInvalid):
        verify("/vipps/webhook/", headers, body)


@pytest.mark.parametrize(
    "header", ["x-ms-date", "x-ms-content-sha256", "Authorization", "Host"]
)
def test_a_missing_header_is_refused(webhook, header):
    path, headers, body = webhook
    headers = {k: v for k, v in headers.items() if k.lower() != header.lower()}
    with pytest.raises(vipps.WebhookSignatureInvalid, match="missing"):
        verify(path, headers, body)


def test_a_stale_or_future_webhook_is_refused(webhook):
    path, headers, body = webhook
    sent = datetime.now(UTC)
    assert verify(path, headers, body, now=sent + timedelta(minutes=4))
    for now in (sent + timedelta(minutes=6), sent - timedelta(minutes=6)):
        with pytest.raises(vipps.WebhookSignatureInvalid, match="too long ago"):
            verify(path, headers, body, now=now)


def test_a_replayed_webhook_signed_long_ago_is_refused(vipps_fake):
    body = json.dumps({"name": "AUTHORIZED"}).encode()
    old = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    headers = vipps_fake.signed_request(
        "https://shop.example/vipps/webhook/", body, date=old
    )
    with pytest.raises(vipps.WebhookSignatureInvalid, match="too long ago"):
        verify("/vipps/webhook/", headers, body)


def test_without_a_webhook_secret_nothing_verifies(webhook, settings):
    settings.VIPPS_WEBHOOK_SECRET = ""
    with pytest.raises(vipps.WebhookSignatureInvalid, match="secret"):
        verify(*webhook)


# Vipps' sample values, from "Request authentication" in the public
# vippsas/webhooks-api repository (request-authentication.md).
SAMPLE_SECRET = (
    "A0+AeKBRG2KRGvnNwJpQlb6IJFk48CKXCIcrLoHncVJKDILsQSxS6NW"
    "CccwWm6r6FhGKhiHTBsG2wo/xU6FY/A=="
)
SAMPLE_BODY = (
    b'{"some-unique-content":"ee6e441b-cc4a-46f8-895d-a5af79bcc233/hello-world"}'
)
SAMPLE_HEADERS = {
    "host": "webhook.site",
    "x-ms-date": "Thu, 30 Mar 2023 08:38:32 GMT",
    "x-ms-content-sha256": "lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=",
    "authorization": "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256"
    "&Signature=agAiSyogQbDHpeucoNwYz+yAr5nJ+v+zasdkSbqzv+U=",
}
SAMPLE_PATH = "/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63"
SAMPLE_NOW = datetime(2023, 3, 30, 8, 39, tzinfo=UTC)


def test_vipps_published_sample_verifies():
    event = vipps.verified_webhook(
        method="POST",
        path_and_query=SAMPLE_PATH,
        headers=SAMPLE_HEADERS,
        body=SAMPLE_BODY,
        secret=SAMPLE_SECRET,
        now=SAMPLE_NOW,
    )
    assert event == {
        "some-unique-content": "ee6e441b-cc4a-46f8-895d-a5af79bcc233/hello-world"
    }


@pytest.mark.parametrize(
    "change",
    [
        {"host": "webhook.site:443"},
        {"x-ms-date": "Thu, 30 Mar 2023 08:38:33 GMT"},
        {"authorization": SAMPLE_HEADERS["authorization"].replace("agAi", "agAj")},
    ],
)
def test_vipps_published_sample_changed_in_one_header_is_refused(change):
    with pytest.raises(vipps.WebhookSignatureInvalid):
        vipps.verified_webhook(
            method="POST",
            path_and_query=SAMPLE_PATH,
            headers={**SAMPLE_HEADERS, **change},
            body=SAMPLE_BODY,
            secret=SAMPLE_SECRET,
            now=SAMPLE_NOW,
        )


def test_the_fake_signs_the_published_sample_as_vipps_does(vipps_fake):
    headers = vipps_fake.signed_request(
        "https://webhook.site" + SAMPLE_PATH,
        SAMPLE_BODY,
        secret=SAMPLE_SECRET,
        date=SAMPLE_HEADERS["x-ms-date"],
    )
    assert headers["x-ms-content-sha256"] == SAMPLE_HEADERS["x-ms-content-sha256"]
    assert headers["Authorization"] == SAMPLE_HEADERS["authorization"]


# --- registering the shop's webhook ----------------------------------------------


def test_the_command_registers_every_payment_event_and_prints_the_secret(vipps_fake):
    out = StringIO()
    call_command(
        "register_vipps_webhook", "https://shop.example/vipps/webhook/", stdout=out
    )
    [hook] = vipps_fake.webhooks.values()
    assert hook["url"] == "https://shop.example/vipps/webhook/"
    assert sorted(hook["events"]) == sorted(
        f"epayments.payment.{name}.v1"
        for name in (
            "created",
            "aborted",
            "expired",
            "cancelled",
            "captured",
            "refunded",
            "authorized",
            "terminated",
        )
    )
    assert f"VIPPS_WEBHOOK_SECRET={vipps_fake.webhook_secret}" in out.getvalue()


def test_the_command_replaces_a_webhook_already_there_only_when_asked(vipps_fake):
    from django.core.management.base import CommandError

    url = "https://shop.example/vipps/webhook/"
    first = vipps.register_webhook(url, ["epayments.payment.authorized.v1"])
    with pytest.raises(CommandError, match="already registered"):
        call_command("register_vipps_webhook", url, stdout=StringIO())
    assert list(vipps_fake.webhooks) == [first["id"]]
    call_command("register_vipps_webhook", url, "--replace", stdout=StringIO())
    [hook] = vipps_fake.webhooks.values()
    assert hook["id"] != first["id"]
    assert len(hook["events"]) == 8


def test_the_command_refuses_an_address_that_is_not_https(vipps_fake):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="https"):
        call_command("register_vipps_webhook", "http://shop.example/vipps/webhook/")
    assert not vipps_fake.webhooks
