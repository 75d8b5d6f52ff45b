"""Fixtures for checkout tests: a shop with shipping methods, card payment
against the fake Stripe, pickup points from the fake Bring (the steps of
checkout are in tests/helpers.py)."""

import pytest
from oscar.core.loading import get_model

from shop.demo import site_data as shop_demo
from tests.fake_bring import FakeBring
from tests.fake_stripe import FakeStripe
from tests.helpers import add_routine, checkout_until_review, place_order

Order = get_model("order", "Order")


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


@pytest.fixture
def bring_fake(settings):
    """The pickup-point list on, against a local fake of Bring's API (the
    test settings leave it off, so other tests get the fallback)."""
    with FakeBring() as fake:
        fake.point_at_me(settings)
        settings.BRING_TIMEOUT_SECONDS = 0.5
        yield fake


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
