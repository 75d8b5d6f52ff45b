"""Card payments through Stripe Checkout, against a local fake Stripe server.

The shop's own code runs unchanged: the official client talks HTTP to the
fake, and webhooks are signed the way Stripe signs them.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.commerce.payments.models import StripeCheckoutSession, StripeEvent
from tests.helpers import (
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
    assert session["success_url"].startswith(
        "http://testserver" + reverse("checkout:card-return")
    )
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 1
    assert order.basket.status == Basket.FROZEN
    assert mail.outbox == []  # nothing is confirmed before payment

    paid = stripe_fake.complete(session["id"], send_webhook=False)
    event = stripe_fake.event("checkout.session.completed", paid)
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_webhook(stripe_fake, event)

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

    post_webhook(stripe_fake, event)
    client.get(reverse("checkout:card-return"), {"session_id": session["id"]})
    replay = post_webhook(stripe_fake, event)
    resent = stripe_fake.event("checkout.session.completed", paid)  # a new event id
    post_webhook(stripe_fake, resent)

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
    post_webhook(stripe_fake, stripe_fake.event("checkout.session.completed", paid))
    late = stripe_fake.event("checkout.session.expired", {**paid, "status": "expired"})

    assert post_webhook(stripe_fake, late).status_code == 200
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


THIRTY_ONE_MINUTES = 31 * 60


def test_a_card_session_expires_thirty_minutes_after_it_is_made(card_order):
    _, session, _ = card_order
    assert 30 * 60 <= session["expires_at"] - session["created"] <= 32 * 60


def test_an_expired_payment_gives_the_stock_and_the_basket_back(
    client, shop, stripe_fake, card_order
):
    order, session, _ = card_order

    (event,) = stripe_fake.pass_time(THIRTY_ONE_MINUTES)  # the customer left
    response = post_webhook(stripe_fake, event)

    assert event["type"] == "checkout.session.expired"
    assert response.status_code == 200
    assert not Order.objects.exists()
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 0
    assert Basket.objects.get().status == Basket.OPEN
    with pytest.raises(ValueError):  # too late to pay
        stripe_fake.complete(session["id"], send_webhook=False)


def test_reconciliation_gives_the_stock_back_when_the_expiry_notice_is_lost(
    client, shop, stripe_fake, card_order
):
    order, _, _ = card_order
    stripe_fake.pass_time(THIRTY_ONE_MINUTES)  # its webhook never arrives
    age(order, 31)
    out = StringIO()

    call_command("reconcile_payments", stdout=out)  # its default age

    assert "discarded: 1" in out.getvalue()
    assert not Order.objects.exists()
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 0


def test_after_an_expiry_the_same_basket_pays_with_a_new_session(
    client, stripe_fake, card_order
):
    order, old_session, _ = card_order
    (expired,) = stripe_fake.pass_time(THIRTY_ONE_MINUTES)
    post_webhook(stripe_fake, expired)

    # The customer opens the checkout again: card, and a new session.
    client.post(reverse("checkout:payment-method"), {"method": "card"})
    again = place_order(client)
    new_session_id = again["Location"].rsplit("/", 1)[1]
    assert new_session_id != old_session["id"]
    order = Order.objects.get()
    assert order.number == expired["data"]["object"]["client_reference_id"]
    record = StripeCheckoutSession.objects.get(order_number=order.number)
    assert record.session_id == new_session_id

    # Paid, but neither the webhook nor the customer tells the shop.
    stripe_fake.complete(new_session_id, send_webhook=False)
    age(order, 31)
    out = StringIO()
    call_command("reconcile_payments", stdout=out)

    assert "confirmed: 1" in out.getvalue()
    order.refresh_from_db()
    assert order.status == "Paid"


def test_a_guest_who_browsed_meanwhile_gets_the_basket_back_after_an_expiry(
    client, stripe_fake, card_order
):
    """While the basket waits for the payment, the shop in another tab shows
    an empty one; after the expiry, "Back to the shop" brings it back."""
    assert client.get(reverse("basket:summary")).context["basket"].is_empty
    (expired,) = stripe_fake.pass_time(THIRTY_ONE_MINUTES)
    post_webhook(stripe_fake, expired)

    back = client.get(reverse("checkout:card-cancel"), follow=True)

    assert back.redirect_chain[-1][0] == reverse("checkout:payment-method")
    assert "Your card payment was not completed" in back.content.decode()
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 4


@pytest.mark.parametrize(
    ("minutes", "starts"), [("30", True), ("29", False), ("1440", False)]
)
def test_a_time_to_pay_that_stripe_would_refuse_stops_the_shop_from_starting(
    minutes, starts
):
    started = subprocess.run(
        [sys.executable, "-c", "import shop.settings.base"],
        env={**os.environ, "STRIPE_PENDING_MINUTES": minutes},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert (started.returncode == 0) is starts
    if not starts:
        assert "STRIPE_PENDING_MINUTES must be from 30 to 1439." in started.stderr


def test_stripe_checkout_offers_the_card_alone_by_default(card_order):
    _, session, _ = card_order

    assert session["payment_method_types"] == ["card"]


def test_a_setting_lets_customers_pay_with_klarna_on_stripes_page(
    client, shop, stripe_fake, settings, django_capture_on_commit_callbacks
):
    settings.STRIPE_PAYMENT_METHOD_TYPES = ["card", "klarna"]
    add_routine(client, shop)

    checkout_until_review(client, method="card")
    page = client.get(reverse("checkout:payment-method"))
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)

    assert "or Klarna, on Stripe" in page.content.decode()
    session_id = response["Location"].rsplit("/", 1)[1]
    assert stripe_fake.sessions[session_id]["payment_method_types"] == [
        "card",
        "klarna",
    ]
