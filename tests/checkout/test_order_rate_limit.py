"""Placing orders is rate-limited like every form that sends e-mail: each order
e-mails its confirmation to the address typed at the checkout's first step."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.helpers import add_routine, checkout_until_review, place_order

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def low_limits(settings):
    settings.SHOP_MAIL_RATE_PER_ADDRESS = "2/h"
    settings.SHOP_MAIL_RATE_PER_IP = "4/h"
    return settings


def test_guest_orders_are_limited_per_address(client, shop, low_limits):
    for _ in range(2):
        add_routine(client, shop)
        checkout_until_review(client, email="nora@example.no")
        assert place_order(client).status_code == 302
    add_routine(client, shop)
    checkout_until_review(client, email="nora@example.no")
    response = place_order(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "You have placed several orders in a short while" in html
    assert Order.objects.count() == 2
    # Nothing in the basket is lost.
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 4


def test_orders_are_limited_per_visitor(client, shop, low_limits):
    for n in range(4):
        add_routine(client, shop)
        checkout_until_review(client, email=f"guest{n}@example.no")
        assert place_order(client).status_code == 302
    add_routine(client, shop)
    checkout_until_review(client, email="guest9@example.no")
    assert place_order(client).status_code == 200
    assert Order.objects.count() == 4


def test_orders_that_fail_to_be_placed_use_up_no_allowance(
    client, shop, low_limits, stripe_fake
):
    """Stripe being down sends no e-mail: the customer who tries again and
    again, then pays by invoice, is not held off."""
    add_routine(client, shop)
    checkout_until_review(client, email="nora@example.no", method="card")
    for _ in range(3):
        stripe_fake.next_create = "error"
        assert place_order(client)["Location"] == reverse("checkout:payment-method")

    client.post(reverse("checkout:payment-method"), {"method": "invoice"})
    response = place_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    assert Order.objects.count() == 1
