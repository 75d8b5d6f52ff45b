"""Every checkout page renders for a guest and for a signed-in customer, with
and without a saved address, and each of them can place the order.

The pages are fetched with GET, so a template that breaks for one kind of
customer fails here rather than in front of that customer.
"""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.helpers import ADDRESS, add_product, place_order

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")

GUEST_EMAIL = "guest@example.no"
CUSTOMER_EMAIL = "kari@example.no"  # the `customer` fixture's account
CUSTOMERS = ["guest", "signed in", "signed in with a saved address"]


@pytest.fixture
def who(request, client, customer):
    """A client for one kind of customer; returns the order's e-mail address."""
    if request.param == "guest":
        return GUEST_EMAIL
    client.force_login(customer)
    if request.param == "signed in with a saved address":
        UserAddress.objects.create(
            user=customer,
            country=Country.objects.get(iso_3166_1_a2="NO"),
            **{**ADDRESS, "line1": "Saved street 9"},
        )
    return CUSTOMER_EMAIL


def page(client, name, *contents):
    """GET a checkout page, assert it renders with the given content."""
    response = client.get(reverse(name))
    assert response.status_code == 200, (name, response.get("Location"))
    html = response.content.decode()
    for content in contents:
        assert content in html, (name, content)
    return html


def post(client, name, data, next_name):
    response = client.post(reverse(name), data)
    assert response.status_code == 302, (name, response.content.decode()[:2000])
    assert response["Location"] == reverse(next_name), (name, response["Location"])


def through_gateway_and_address(client, who):
    """The first two steps, as this kind of customer takes them."""
    if who == GUEST_EMAIL:
        page(client, "checkout:index", "Do you have an account?", "E-mail address")
        post(
            client,
            "checkout:index",
            {"username": GUEST_EMAIL, "options": "anonymous"},
            "checkout:shipping-address",
        )
    else:  # a signed-in customer skips the gateway
        response = client.get(reverse("checkout:index"))
        assert response["Location"] == reverse("checkout:shipping-address")

    html = page(client, "checkout:shipping-address", "Delivery address", "Postcode")
    saved = UserAddress.objects.first()
    if saved is None:
        assert "Your saved addresses" not in html
        post(client, "checkout:shipping-address", ADDRESS, "checkout:shipping-method")
    else:
        assert "Your saved addresses" in html and "Saved street 9" in html
        post(
            client,
            "checkout:shipping-address",
            {"action": "ship_to", "address_id": saved.pk},
            "checkout:shipping-method",
        )


def through_shipping_and_payment(client, method):
    page(client, "checkout:shipping-method", "Choose pickup point", "69,00\xa0NOK")
    post(
        client,
        "checkout:shipping-method",
        {"method_code": "pickup-point"},
        "checkout:payment-method",
    )
    page(client, "checkout:payment-method", "How would you like to pay?")
    post(client, "checkout:payment-method", {"method": method}, "checkout:preview")


@pytest.mark.parametrize("who", CUSTOMERS, indirect=True)
def test_every_checkout_page_renders_and_the_order_is_placed_by_invoice(
    client, shop, who
):
    add_product(client, shop.products[3])  # Gentle Cleansing Milk, 199.00
    through_gateway_and_address(client, who)
    through_shipping_and_payment(client, "invoice")

    page(
        client,
        "checkout:preview",
        "Review your order",
        "Gentle Cleansing Milk",
        f"Confirmation to <strong>{who}</strong>",
        "Buy now",
    )
    response = place_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.email == who and order.status == "Awaiting payment"
    page(
        client,
        "checkout:thank-you",
        "Thank you for your order",
        order.number,
        f"A confirmation is on its way to {who}",
        "Pay by invoice",
    )


@pytest.mark.parametrize("who", CUSTOMERS, indirect=True)
def test_the_card_pages_render_for_every_customer_cancelled_then_paid(
    client, shop, stripe_fake, who
):
    add_product(client, shop.products[3])
    through_gateway_and_address(client, who)
    through_shipping_and_payment(client, "card")
    page(client, "checkout:preview", "Buy now", "268,00\xa0NOK")
    to_stripe = place_order(client)
    assert to_stripe["Location"].startswith(f"{stripe_fake.url}/pay/")

    # Back from Stripe's page without paying: the payment step again.
    cancelled = client.get(reverse("checkout:card-cancel"), follow=True)
    assert cancelled.status_code == 200
    assert cancelled.redirect_chain[-1][0] == reverse("checkout:payment-method")
    assert "Your card payment was not completed" in cancelled.content.decode()

    post(client, "checkout:payment-method", {"method": "card"}, "checkout:preview")
    session_id = place_order(client)["Location"].rsplit("/", 1)[1]
    stripe_fake.complete(session_id, send_webhook=False)
    returned = client.get(
        reverse("checkout:card-return"), {"session_id": session_id}, follow=True
    )

    assert returned.status_code == 200
    assert returned.redirect_chain[-1][0] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.email == who and order.status == "Paid"
    html = returned.content.decode()
    assert order.number in html and "Your card payment of 268,00\xa0NOK" in html


@pytest.mark.parametrize("who", ["signed in with a saved address"], indirect=True)
def test_oscar_checkout_pages_without_our_templates_lead_to_our_own_pages(
    client, shop, who
):
    """Oscar's checkout has an address edit and delete page in its Bootstrap
    layout (jQuery from a CDN); the address book does the same in ours."""
    add_product(client, shop.products[3])
    saved = UserAddress.objects.get()
    own_pages = [
        (
            "checkout:user-address-update",
            "customer:address-detail",
            'id="address_form"',
        ),
        ("checkout:user-address-delete", "customer:address-delete", "Delete address"),
    ]
    for oscar_name, own_name, content in own_pages:
        response = client.get(reverse(oscar_name, args=[saved.pk]), follow=True)
        assert response.status_code == 200
        assert response.redirect_chain == [(reverse(own_name, args=[saved.pk]), 302)]
        html = response.content.decode()
        assert content in html and "Saved street 9" in html
        assert "jquery" not in html.lower()

    # Oscar's payment-details step has nothing to show here: on to the review.
    through_gateway_and_address(client, who)
    through_shipping_and_payment(client, "invoice")
    response = client.get(reverse("checkout:payment-details"))
    assert response["Location"] == reverse("checkout:preview")
