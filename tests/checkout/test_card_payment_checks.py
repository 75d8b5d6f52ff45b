"""What the shop does with signed Stripe events it did not expect, and with
payments whose amount or currency is not the order's.

Stripe retries an event that gets an error and in the end disables the
endpoint, so anything signed that is not ours is answered 200 and ignored.
A payment that does not match its order is never marked paid: the order is
left pending, with a note for staff and a log line.
"""

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from shop.commerce.payments.models import StripeEvent
from tests.checkout.test_card_checkout import age
from tests.helpers import post_webhook

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def assert_still_pending(order):
    order.refresh_from_db()
    assert order.status == "Pending payment"
    assert not order.sources.exists() and not order.payment_events.exists()


def signed_event(fake, type, data):
    """A signed event of any shape: the fake's envelope with `data` replaced."""
    event = fake.event(type, {})
    if data is None:
        del event["data"]
    else:
        event["data"] = data
    return event


@pytest.mark.parametrize(
    ("type", "data"),
    [
        (
            "payment_intent.succeeded",
            {"object": {"id": "pi_test_1", "object": "payment_intent", "amount": 1}},
        ),
        ("customer.created", {"object": {"id": "cus_test_1", "object": "customer"}}),
        ("checkout.session.completed", None),
        ("checkout.session.completed", {}),
        ("checkout.session.completed", {"object": None}),
        ("checkout.session.expired", {"object": "cs_test_1"}),
    ],
    ids=[
        "another type",
        "a customer",
        "no data",
        "data without object",
        "a null object",
        "an object that is not a session",
    ],
)
def test_a_signed_event_of_another_shape_gets_200_and_changes_nothing(
    client, stripe_fake, card_order, type, data
):
    order, _, _ = card_order

    response = post_webhook(stripe_fake, signed_event(stripe_fake, type, data))

    assert response.status_code == 200
    assert_still_pending(order)


@pytest.mark.parametrize("absent", [True, False], ids=["absent", "null"])
@pytest.mark.parametrize(
    "type", ["checkout.session.completed", "checkout.session.expired"]
)
def test_a_session_without_our_order_number_gets_200_and_changes_nothing(
    client, stripe_fake, card_order, type, absent
):
    """A session made elsewhere in the same Stripe account (a payment link)."""
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    event = stripe_fake.event(type, {**paid, "client_reference_id": None})
    del event["data"]["object"]["metadata"]
    if absent:
        del event["data"]["object"]["client_reference_id"]

    response = post_webhook(stripe_fake, event)

    assert response.status_code == 200
    assert_still_pending(order)
    assert order.lines.count() == 4


def test_a_session_for_an_order_we_do_not_have_gets_200(
    client, stripe_fake, card_order
):
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    event = stripe_fake.event(
        "checkout.session.completed", {**paid, "client_reference_id": "999999"}
    )

    assert post_webhook(stripe_fake, event).status_code == 200
    assert_still_pending(order)


WRONG_PAYMENTS = [
    pytest.param({"amount_total": 100}, "1,00\xa0NOK", id="wrong amount"),
    pytest.param({"currency": "eur"}, "€1,467.95", id="wrong currency"),
    pytest.param({"amount_total": None}, "nothing", id="no amount"),
]


def assert_left_for_staff(order, caplog, reported):
    assert_still_pending(order)
    (note,) = order.notes.filter(message__contains="does not match")
    assert reported in note.message and "1.467,95\xa0NOK" in note.message
    (record,) = [r for r in caplog.records if "does not match" in r.getMessage()]
    assert record.levelno == logging.ERROR
    assert order.number in record.getMessage()
    assert "kari" not in record.getMessage().lower()  # no e-mail, no name


@pytest.mark.parametrize(("change", "reported"), WRONG_PAYMENTS)
def test_a_webhook_paying_another_amount_is_left_for_staff(
    client, stripe_fake, card_order, caplog, change, reported
):
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    event = stripe_fake.event("checkout.session.completed", {**paid, **change})

    response = post_webhook(stripe_fake, event)

    assert response.status_code == 200
    assert_left_for_staff(order, caplog, reported)


@pytest.mark.parametrize(("change", "reported"), WRONG_PAYMENTS)
def test_a_return_from_stripe_with_another_amount_is_left_for_staff(
    client, stripe_fake, card_order, caplog, change, reported
):
    order, session, _ = card_order
    stripe_fake.complete(session["id"], send_webhook=False)
    stripe_fake.sessions[session["id"]].update(change)

    response = client.get(
        reverse("checkout:card-return"), {"session_id": session["id"]}, follow=True
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "We need to check your payment" in html
    assert "Thank you for your order" not in html
    assert_left_for_staff(order, caplog, reported)


@pytest.mark.parametrize(("change", "reported"), WRONG_PAYMENTS)
def test_reconciliation_leaves_a_payment_of_another_amount_for_staff(
    stripe_fake, card_order, caplog, change, reported
):
    order, session, _ = card_order
    stripe_fake.complete(session["id"], send_webhook=False)
    stripe_fake.sessions[session["id"]].update(change)
    age(order, 90)
    out = StringIO()

    call_command("reconcile_payments", stdout=out)

    assert "left for staff: 1" in out.getvalue()
    assert "confirmed: 0" in out.getvalue() and "discarded: 0" in out.getvalue()
    assert_left_for_staff(order, caplog, reported)


def test_a_mismatch_seen_by_every_path_leaves_one_note(client, stripe_fake, card_order):
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    stripe_fake.sessions[session["id"]]["amount_total"] = 100
    event = stripe_fake.event(
        "checkout.session.completed", {**paid, "amount_total": 100}
    )

    post_webhook(stripe_fake, event)
    client.get(reverse("checkout:card-return"), {"session_id": session["id"]})
    age(order, 90)
    call_command("reconcile_payments", stdout=StringIO())

    assert_still_pending(order)
    assert order.notes.filter(message__contains="does not match").count() == 1
    assert StripeEvent.objects.count() == 1
