"""Steps of tests of paying with Vipps in the shop, against the fake Vipps
(tests/fake_vipps.py) over HTTP; the fixtures are in conftest.py."""

import json

from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.helpers import add_routine, checkout_until_review, place_order

Order = get_model("order", "Order")
WEBHOOK_PATH = "/vipps/webhook/"
PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36"


def order_with_vipps(client, shop, **headers):
    """The routine ordered with Vipps: the customer is now sent to Vipps.
    Returns the order, its payment's reference and the response."""
    add_routine(client, shop)
    checkout_until_review(client, method="vipps")
    response = place_order_with(client, **headers)
    assert response.status_code == 302, response.content.decode()[:2000]
    reference = response["Location"].rsplit("/", 1)[1]
    return Order.objects.get(), reference, response


def place_order_with(client, **headers):
    data = {"action": "place_order", "accept_terms": "on"}
    if not headers:
        return place_order(client)
    return client.post(reverse("checkout:preview"), data, headers=headers)


def return_from_vipps(client, reference, **params):
    """The customer's browser back at the return address Vipps was given."""
    return client.get(reverse("checkout:vipps-return"), {"reference": reference})


def post_vipps_webhook(fake, event, *, secret=None, date=None, body=None):
    """Send an event to the shop's webhook, signed as Vipps signs it, from a
    client without the customer's cookies (and with the test's language put
    back, as Vipps' request would not change it)."""
    body = body if body is not None else json.dumps(event).encode()
    headers = fake.signed_request(
        f"http://testserver{WEBHOOK_PATH}",
        json.dumps(event).encode(),
        secret=secret,
        date=date,
    )
    headers.pop("Content-Type")
    with translation.override(translation.get_language()):
        return Client().post(
            WEBHOOK_PATH, body, content_type="application/json", headers=headers
        )


def vipps_event(fake, reference, name):
    """The latest event of that name in the payment's log, as its webhook."""
    event = [e for e in fake.events(reference) if e["name"] == name][-1]
    return {"msn": fake.merchant_serial_number, **event}
