"""`make run` (tools/dev_server.py): the development server starts with local
fakes of Stripe, Vipps and Bring, so a new user can pay and pick a pickup
point with no set-up; production never has them."""

import os
import subprocess
import sys

import pytest

from shop.commerce.payments import methods, vipps
from shop.commerce.shipping import pickup_points
from tools import dev_server

SHOP_URL = "http://127.0.0.1:8000"


@pytest.fixture
def fakes():
    started, variables = dev_server.start_fakes({}, SHOP_URL)
    yield started, variables
    for server in started:
        server.stop()


def test_make_run_points_the_shop_at_running_fakes_of_each_service(fakes, settings, db):
    started, variables = fakes
    for name, value in variables.items():
        setattr(settings, name, value)

    assert len(started) == 3
    assert [method.code for method in methods.available()] == [
        "vipps",
        "card",
        "invoice",
    ]
    # The shop's own clients reach the fakes over HTTP with those keys.
    assert vipps.access_token()
    points = pickup_points.near("0150")
    assert not points.unavailable and points.nearest is not None
    # The fakes send their webhooks to the development server.
    stripe, vipps_fake, _ = started
    assert stripe.webhook_url == f"{SHOP_URL}/checkout/stripe/webhook/"
    assert vipps_fake.webhook_url == f"{SHOP_URL}/vipps/webhook/"


def test_a_service_with_keys_in_the_environment_gets_no_fake():
    started, variables = dev_server.start_fakes(
        {"VIPPS_CLIENT_ID": "a-real-test-key"}, SHOP_URL
    )
    try:
        assert len(started) == 2
        assert not any(name.startswith("VIPPS_") for name in variables)
        assert "STRIPE_API_BASE" in variables and "BRING_API_BASE" in variables
    finally:
        for server in started:
            server.stop()


def test_make_run_refuses_any_settings_but_development():
    result = subprocess.run(
        [sys.executable, "-m", "tools.dev_server"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings.production"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "development settings only" in result.stderr
