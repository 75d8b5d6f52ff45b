"""Card payments through Stripe Checkout, against a local fake Stripe server.

The shop's own code runs unchanged: the official client talks HTTP to the
fake, and webhooks are signed the way Stripe signs them.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.models import StripeCheckoutSession, StripeEvent
from tests.checkout.conftest import (
    WEBHOOK,
    add_routine,
    checkout_until_review,
    place_order,
    post_webhook,
)

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def test_a_card_order_holds_its_stock_until_stripe_confirms_payment(
    client, shop, stripe_fake, card_order, django_capture_on_commit_callbacks
):
    order, session, response = card_order

    assert response["Location"] == f"{stripe_fake.url}/pay/{session['id']}"
    assert order.status == "Pending payment"
    assert session["amount_total"] == 146795 and session["currency"] == "nok"
    assert session["client_reference_id"] == order.number
    assert session["success_url"].startswith("http://testserver/checkout/card/return/")
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 1
    assert order.basket.status == Basket.FROZEN
    assert mail.outbox == []  # nothing is confirmed before payment

    paid = stripe_fake.complete(session["id"], send_webhook=False)
    event = stripe_fake.event("checkout.session.completed", paid)
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_webhook(client, stripe_fake, event)

    assert answer.status_code == 200
    order.refresh_from_db()
    assert order.status == "Paid"
    source = order.sources.get()
    assert source.amount_debited == Decimal("1467.95")
    assert source.reference == paid["payment_intent"]
    assert order.basket.status == Basket.SUBMITTED
    assert [m.to for m in mail.outbox] == [
        ["kari@example.no"],
        ["hello@skinome.example"],
    ]
    assert "Your card payment is confirmed." in mail.outbox[0].body
    assert order.status_changes.get().new_status == "Paid"


def test_the_customer_returning_confirms_payment_when_no_webhook_came(
    client, stripe_fake, card_order
):
    order, session, _ = card_order
    stripe_fake.complete(session["id"], send_webhook=False)

    response = client.get(
        reverse("checkout:card-return"), {"session_id": session["id"]}
    )

    assert response["Location"] == reverse("checkout:thank-you")
    order.refresh_from_db()
    assert order.status == "Paid"
    page = client.get(response["Location"]).content.decode()
    assert order.number in page and "Your card payment of 1.467,95\xa0NOK" in page


def test_webhook_and_return_together_confirm_once(client, stripe_fake, card_order):
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    event = stripe_fake.event("checkout.session.completed", paid)

    post_webhook(client, stripe_fake, event)
    client.get(reverse("checkout:card-return"), {"session_id": session["id"]})
    replay = post_webhook(client, stripe_fake, event)
    resent = stripe_fake.event("checkout.session.completed", paid)  # a new event id
    post_webhook(client, stripe_fake, resent)

    assert replay.content == b"Already handled."
    order.refresh_from_db()
    assert order.status == "Paid"
    assert order.sources.count() == 1 and order.payment_events.count() == 1
    assert order.status_changes.count() == 1


def test_an_expiry_notice_after_payment_changes_nothing(
    client, stripe_fake, card_order
):
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    post_webhook(
        client, stripe_fake, stripe_fake.event("checkout.session.completed", paid)
    )
    late = stripe_fake.event("checkout.session.expired", {**paid, "status": "expired"})

    assert post_webhook(client, stripe_fake, late).status_code == 200
    order.refresh_from_db()
    assert order.status == "Paid"


@pytest.mark.parametrize(
    "tamper",
    ["wrong secret", "changed payload", "too old", "no signature"],
)
def test_a_webhook_stripe_did_not_sign_is_refused_and_changes_nothing(
    client, stripe_fake, card_order, tamper
):
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    payload = json.dumps(stripe_fake.event("checkout.session.completed", paid))
    signature = stripe_fake.sign(payload)
    if tamper == "wrong secret":
        signature = stripe_fake.sign(payload, secret="whsec_someone_else")
    elif tamper == "changed payload":
        payload = payload.replace("146795", "100")
    elif tamper == "too old":
        signature = stripe_fake.sign(payload, timestamp=int(time.time()) - 301)
    headers = {} if tamper == "no signature" else {"HTTP_STRIPE_SIGNATURE": signature}

    response = client.post(WEBHOOK, payload, content_type="application/json", **headers)

    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == "Pending payment"
    assert not StripeEvent.objects.exists()


def test_a_declined_card_returns_to_payment_with_the_basket_and_no_order(
    client, shop, stripe_fake, card_order
):
    order, session, _ = card_order
    declined = urllib.request.Request(
        f"{stripe_fake.url}/pay/{session['id']}",
        data=urllib.parse.urlencode({"outcome": "decline"}).encode(),
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(declined)
    assert "Your card was declined." in answer.value.read().decode()

    # The customer gives up on Stripe's page and goes back to the shop.
    response = client.get(reverse("checkout:card-cancel"))

    assert response["Location"] == reverse("checkout:payment-method")
    assert not Order.objects.exists()
    assert stripe_fake.sessions[session["id"]]["status"] == "expired"
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 0
    page = client.get(response["Location"]).content.decode()
    assert "Your card payment was not completed and nothing was charged" in page
    basket = client.get(reverse("basket:summary"))
    assert basket.context["basket"].num_lines == 4


@pytest.mark.parametrize("failure", ["timeout", "error"])
def test_stripe_down_means_no_order_no_charge_and_the_basket_kept(
    client, shop, stripe_fake, failure
):
    add_routine(client, shop)
    checkout_until_review(client, method="card")
    stripe_fake.next_create = failure

    response = place_order(client)

    assert response["Location"] == reverse("checkout:payment-method")
    assert not Order.objects.exists()
    for product in shop.products:
        assert not product.stockrecords.get().num_allocated
    page = client.get(response["Location"]).content.decode()
    assert "Card payment is not available right now and nothing was charged" in page
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 4

    # Once Stripe answers again, the same basket pays.
    client.post(reverse("checkout:payment-method"), {"method": "card"})
    retry = place_order(client)
    assert retry["Location"].startswith(f"{stripe_fake.url}/pay/")
    assert Order.objects.get().status == "Pending payment"


def test_placing_a_card_order_twice_gives_one_order_and_one_payment_page(
    client, stripe_fake, card_order
):
    order, session, first = card_order

    again = place_order(client)

    assert Order.objects.count() == 1
    assert again["Location"] == first["Location"]
    assert len(stripe_fake.sessions) == 1


def age(order, minutes):
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - timedelta(minutes=minutes)
    )


def test_reconciliation_confirms_a_paid_order_nobody_told_us_about(
    client, stripe_fake, card_order, django_capture_on_commit_callbacks
):
    order, session, _ = card_order
    stripe_fake.complete(session["id"], send_webhook=False)  # webhook lost
    age(order, 90)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reconcile_payments", stdout=out)

    assert "confirmed: 1" in out.getvalue()
    order.refresh_from_db()
    assert order.status == "Paid"
    assert len(mail.outbox) == 2


def test_reconciliation_closes_an_abandoned_payment_and_frees_its_stock(
    client, shop, stripe_fake, card_order
):
    order, session, _ = card_order
    age(order, 90)
    out = StringIO()

    call_command("reconcile_payments", stdout=out)

    assert "discarded: 1" in out.getvalue()
    assert not Order.objects.exists()
    assert stripe_fake.sessions[session["id"]]["status"] == "expired"
    assert not StripeCheckoutSession.objects.exists()
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 0
    assert Basket.objects.get().status == Basket.OPEN


def test_reconciliation_leaves_recent_payments_alone(client, stripe_fake, card_order):
    order, _, _ = card_order
    out = StringIO()
    call_command("reconcile_payments", stdout=out)
    assert "confirmed: 0" in out.getvalue() and "discarded: 0" in out.getvalue()
    order.refresh_from_db()
    assert order.status == "Pending payment"
