"""The Vipps pages render for a guest and for a signed-in customer, with and
without a saved address: the payment step offering Vipps, the return page
while Vipps waits, and the thank-you page once Vipps reserved the money."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.checkout import test_checkout_pages as checkout
from tests.helpers import ADDRESS, add_product, place_order

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")


@pytest.fixture
def who(request, client, customer):
    """A client for one kind of customer; returns the order's e-mail address."""
    if request.param == "guest":
        return checkout.GUEST_EMAIL
    client.force_login(customer)
    if request.param == "signed in with a saved address":
        UserAddress.objects.create(
            user=customer,
            country=Country.objects.get(iso_3166_1_a2="NO"),
            **{**ADDRESS, "line1": "Saved street 9"},
        )
    return checkout.CUSTOMER_EMAIL


@pytest.mark.parametrize("who", checkout.CUSTOMERS, indirect=True)
def test_the_vipps_pages_render_for_every_customer_waiting_then_approved(
    client, shop, vipps_fake, who
):
    add_product(client, shop.products[3])
    checkout.through_gateway_and_address(client, who)
    checkout.through_shipping_and_payment(client, "vipps")
    html = checkout.page(client, "checkout:payment-method", "Vipps MobilePay")
    assert html.index('value="vipps"') < html.index('value="invoice"')  # first
    checkout.page(client, "checkout:preview", "Buy now", "Vipps")
    to_vipps = place_order(client)
    reference = to_vipps["Location"].rsplit("/", 1)[1]
    assert to_vipps["Location"] == vipps_fake.landing_url(reference)

    # Back from Vipps before approving: the page says we wait.
    waiting = client.get(reverse("checkout:vipps-return"), {"reference": reference})
    assert waiting.status_code == 200
    assert "Waiting for Vipps" in waiting.content.decode()
    assert "Pay another way" in waiting.content.decode()

    vipps_fake.approve(reference)
    returned = client.get(
        reverse("checkout:vipps-return"), {"reference": reference}, follow=True
    )

    assert returned.redirect_chain[-1][0] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.email == who and order.status == "Payment reserved"
    html = returned.content.decode()
    assert order.number in html and "Vipps has reserved 268,00\xa0NOK" in html
