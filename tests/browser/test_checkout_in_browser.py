"""A guest on a phone buys the routine from the guide: by invoice, and by card
on a local fake of Stripe's hosted payment page. A customer with an account
signs in at the checkout and buys by invoice."""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from products.models import Product
from tests.fake_stripe import FakeStripe

pytestmark = pytest.mark.browser

Order = get_model("order", "Order")


@pytest.fixture
def stripe_fake(settings, shop_url):
    with FakeStripe() as fake:
        settings.STRIPE_SECRET_KEY = "sk_test_shop"
        settings.STRIPE_API_BASE = fake.url
        settings.STRIPE_WEBHOOK_SECRET = fake.webhook_secret
        fake.webhook_url = shop_url + "/checkout/stripe/webhook/"
        yield fake


def buy_the_routine_from_the_guide(page, shop_url, payment):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(shop_url + "/")
    page.get_by_role("link", name="Read the guide").click()
    page.locator(".routine-card").get_by_role(
        "button", name="Add the whole routine to basket"
    ).click()
    expect(page.locator("#basket-total")).to_have_text("1.467,95\xa0NOK")
    page.get_by_role("link", name="Go to checkout").click()

    page.get_by_label("E-mail address").fill("kari@example.no")
    page.get_by_label("No, continue as a guest").check()
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("First name").fill("Kari")
    page.get_by_label("Last name").fill("Nordmann")
    page.get_by_label("Street address").fill("Storgata 5")
    page.get_by_label("Postcode").fill("155")
    page.get_by_label("Town or city").fill("Oslo")
    page.get_by_label("Mobile number").fill("412 34 567")
    page.get_by_role("button", name="Continue").click()
    # A typo is explained next to the field, and nothing typed is lost.
    expect(page.get_by_text("A Norwegian postcode has four digits")).to_be_visible()
    expect(page.get_by_label("Street address")).to_have_value("Storgata 5")
    page.get_by_label("Postcode").fill("0155")
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("button", name="Choose pickup point").click()
    page.get_by_role("radio", name=re.compile(f"^{payment} –")).check()
    page.get_by_role("button", name="Review your order").click()

    expect(page.locator("#order-total")).to_have_text("1.467,95\xa0NOK")
    page.get_by_label("I accept the terms of sale.").check()
    page.locator("#place-order").click()


def test_a_guest_buys_the_routine_by_invoice(page, shop_url):
    buy_the_routine_from_the_guide(page, shop_url, "Invoice")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your order"
    )
    order = Order.objects.get()
    expect(page.locator("#order-number")).to_have_text(order.number)
    expect(page.locator("#order-total")).to_have_text("1.467,95\xa0NOK")
    expect(page.get_by_text("Pay by invoice")).to_be_visible()
    assert order.status == "Awaiting payment"
    assert order.shipping_incl_tax == 0  # free from 800 NOK
    confirmation = mail.outbox[0]
    assert confirmation.to == ["kari@example.no"]
    assert "Total: 1.467,95\xa0NOK" in confirmation.body


def test_a_guest_buys_the_routine_by_card(page, shop_url, stripe_fake):
    buy_the_routine_from_the_guide(page, shop_url, "Card")

    # Stripe's page (the fake): the card is declined first, then paid.
    expect(page).to_have_url(re.compile(re.escape(stripe_fake.url) + "/pay/"))
    expect(page.get_by_text("1467.95 NOK")).to_be_visible()
    page.get_by_role("button", name="Decline card").click()
    expect(page.get_by_role("alert")).to_have_text("Your card was declined.")
    page.get_by_role("button", name="Pay").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your order"
    )
    order = Order.objects.get()
    expect(page.locator("#order-number")).to_have_text(order.number)
    expect(
        page.get_by_text("Your card payment of 1.467,95\xa0NOK is confirmed.")
    ).to_be_visible()
    assert order.status == "Paid"
    assert stripe_fake.webhook_responses == [200]  # the webhook got there first
    assert [m.to for m in mail.outbox] == [
        ["kari@example.no"],
        ["hello@skinome.example"],
    ]
    expect(page.locator(".basket-link__count")).to_have_text("0")


def test_a_customer_signs_in_at_the_checkout_and_buys_by_invoice(
    page, shop_url, customer
):
    cleanser = Product.objects.get(title="Gentle Cleansing Milk")
    page.goto(shop_url + cleanser.get_absolute_url())
    page.get_by_role("button", name="Add to basket").click()
    page.goto(shop_url + "/basket/")
    page.get_by_role("link", name="Go to checkout").click()

    page.get_by_label("E-mail address").fill("kari@example.no")
    page.get_by_label("Yes, and my password is:").check()
    page.get_by_label("Password", exact=True).fill("kari-password")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Delivery address")
    page.get_by_label("First name").fill("Kari")
    page.get_by_label("Last name").fill("Nordmann")
    page.get_by_label("Street address").fill("Storgata 5")
    page.get_by_label("Postcode").fill("0155")
    page.get_by_label("Town or city").fill("Oslo")
    page.get_by_label("Mobile number").fill("412 34 567")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Choose home delivery").click()
    page.get_by_role("radio", name=re.compile("^Invoice –")).check()
    page.get_by_role("button", name="Review your order").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Review your order")
    expect(page.get_by_text("Confirmation to kari@example.no")).to_be_visible()
    expect(page.locator("#order-total")).to_have_text("328,00\xa0NOK")
    page.get_by_label("I accept the terms of sale.").check()
    page.locator("#place-order").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your order"
    )
    order = Order.objects.get()
    expect(page.locator("#order-number")).to_have_text(order.number)
    assert order.user == customer and order.status == "Awaiting payment"
    assert order.total_incl_tax == 328
    assert mail.outbox[0].to == ["kari@example.no"]
    assert customer.addresses.get().line1 == "Storgata 5"  # kept for next time
