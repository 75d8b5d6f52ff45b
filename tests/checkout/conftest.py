"""Fixtures for checkout tests: a shop with shipping methods, card payment
against the fake Stripe, and helpers that walk a client through the steps."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.demo import site_data as shop_demo
from tests.fake_stripe import FakeStripe

Order = get_model("order", "Order")
WEBHOOK = reverse("checkout:stripe-webhook")

ADDRESS = {
    "first_name": "Kari",
    "last_name": "Nordmann",
    "line1": "Storgata 5",
    "line2": "",
    "postcode": "0155",
    "line4": "Oslo",
    "phone_number": "+47 412 34 567",
    "notes": "",
}


@pytest.fixture
def shop(demo_catalogue):
    shop_demo.load_shipping_methods()
    shop_demo.load_footer_pages()
    return demo_catalogue


@pytest.fixture
def stripe_fake(settings):
    """Card payment on, against a local fake of Stripe's API."""
    with FakeStripe() as fake:
        settings.STRIPE_SECRET_KEY = "sk_test_shop"
        settings.STRIPE_API_BASE = fake.url
        settings.STRIPE_WEBHOOK_SECRET = fake.webhook_secret
        settings.STRIPE_TIMEOUT_SECONDS = 1
        fake.timeout_seconds = 2
        yield fake


def add_routine(client, shop):
    response = client.post(reverse("catalogue:routine-add", args=[shop.routine.slug]))
    assert response.status_code == 302


def add_product(client, product, quantity=1):
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}
    )
    assert response.status_code == 302


def checkout_until_review(
    client, *, email="kari@example.no", method="invoice", shipping="pickup-point"
):
    """Guest e-mail, address, shipping and payment method; the review page."""
    steps = [
        (
            reverse("checkout:index"),
            {"username": email, "options": "anonymous"},
            reverse("checkout:shipping-address"),
        ),
        (
            reverse("checkout:shipping-address"),
            ADDRESS,
            reverse("checkout:shipping-method"),
        ),
        (
            reverse("checkout:shipping-method"),
            {"method_code": shipping},
            reverse("checkout:payment-method"),
        ),
        (
            reverse("checkout:payment-method"),
            {"method": method},
            reverse("checkout:preview"),
        ),
    ]
    for url, data, next_url in steps:
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.content.decode()[:3000])
        assert response["Location"] == next_url, (url, response["Location"])
    return client.get(reverse("checkout:preview"))


def place_order(client, accept_terms=True):
    data = {"action": "place_order"}
    if accept_terms:
        data["accept_terms"] = "on"
    return client.post(reverse("checkout:preview"), data)


@pytest.fixture
def card_order(client, shop, stripe_fake, django_capture_on_commit_callbacks):
    """The routine ordered by card: the customer is now on Stripe's page."""
    add_routine(client, shop)
    checkout_until_review(client, method="card")
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert response.status_code == 302
    session_id = response["Location"].rsplit("/", 1)[1]
    return Order.objects.get(), stripe_fake.sessions[session_id], response


def post_webhook(fake, event, secret=None, timestamp=None):
    """Send an event to the shop's webhook, signed as Stripe signs it, from
    Stripe: a client without the customer's cookies."""
    payload = json.dumps(event)
    return Client().post(
        WEBHOOK,
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=fake.sign(payload, secret=secret, timestamp=timestamp),
    )
