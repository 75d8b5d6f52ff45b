"""A guest on a phone buys the routine from the guide: by invoice, in Bokmål
and in English (the confirmation e-mail speaks the same language), and by card
on a local fake of Stripe's hosted payment page. A customer with an account
signs in at the checkout and buys by invoice."""

import re

import pytest
from django.core import mail
from django.urls import reverse
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


# What a customer reads and clicks, in each language (the Bokmål written
# out, so a text that falls back to English fails the Norwegian purchase).
WORDS = {
    "en": {
        "home": "/en/",
        "read the guide": "Read the guide",
        "add the routine": "Add the whole routine to basket",
        "go to checkout": "Go to checkout",
        "e-mail": "E-mail address",
        "as a guest": "No, continue as a guest",
        "continue": "Continue",
        "first name": "First name",
        "last name": "Last name",
        "street": "Street address",
        "postcode": "Postcode",
        "town": "Town or city",
        "mobile": "Mobile number",
        "postcode help": "A Norwegian postcode has four digits",
        "pickup point": "Choose pickup point",
        "invoice": "Invoice",
        "card": "Card",
        "review": "Review your order",
        "terms": "I accept the terms of sale.",
        "buy": "Buy now",
        "thanks": "Thank you for your order",
        "pay by invoice": "Pay by invoice",
        "subject": "is confirmed",
        "total": "Total: 1.467,95\xa0NOK",
    },
    "nb": {
        "home": "/",
        "read the guide": "Les guiden",
        "add the routine": "Legg hele rutinen i handlekurven",
        "go to checkout": "Gå til kassen",
        "e-mail": "E-postadresse",
        "as a guest": "Nei, fortsett som gjest",
        "continue": "Fortsett",
        "first name": "Fornavn",
        "last name": "Etternavn",
        "street": "Gateadresse",
        "postcode": "Postnummer",
        "town": "Poststed",
        "mobile": "Mobilnummer",
        "postcode help": "Et norsk postnummer har fire sifre",
        "pickup point": "Velg hentested",
        "invoice": "Faktura",
        "card": "Kort",
        "review": "Se over bestillingen",
        "terms": "Jeg godtar salgsbetingelsene.",
        "buy": "Kjøp nå",
        "thanks": "Takk for bestillingen",
        "pay by invoice": "Betal med faktura",
        "subject": "er bekreftet",
        "total": "Totalt: 1.467,95\xa0NOK",
    },
}


def buy_the_routine_from_the_guide(page, shop_url, payment, language="en"):
    words = WORDS[language]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(shop_url + words["home"])
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.get_by_role("link", name=words["read the guide"]).click()
    page.locator(".routine-card").get_by_role(
        "button", name=words["add the routine"]
    ).click()
    expect(page.locator("#basket-total")).to_have_text("1.467,95\xa0NOK")
    page.get_by_role("link", name=words["go to checkout"]).click()

    page.get_by_label(words["e-mail"]).fill("kari@example.no")
    page.get_by_label(words["as a guest"]).check()
    page.get_by_role("button", name=words["continue"]).click()

    page.get_by_label(words["first name"]).fill("Kari")
    page.get_by_label(words["last name"]).fill("Nordmann")
    page.get_by_label(words["street"]).fill("Storgata 5")
    page.get_by_label(words["postcode"]).fill("155")
    page.get_by_label(words["town"]).fill("Oslo")
    page.get_by_label(words["mobile"]).fill("412 34 567")
    page.get_by_role("button", name=words["continue"]).click()
    # A typo is explained next to the field, and nothing typed is lost.
    expect(page.get_by_text(words["postcode help"])).to_be_visible()
    expect(page.get_by_label(words["street"])).to_have_value("Storgata 5")
    page.get_by_label(words["postcode"]).fill("0155")
    page.get_by_role("button", name=words["continue"]).click()

    page.get_by_role("button", name=words["pickup point"]).click()
    page.get_by_role("radio", name=re.compile(f"^{words[payment]} –")).check()
    page.get_by_role("button", name=words["review"]).click()

    expect(page.locator("#order-total")).to_have_text("1.467,95\xa0NOK")
    page.get_by_label(words["terms"]).check()
    page.get_by_role("button", name=words["buy"], exact=True).click()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_guest_buys_the_routine_by_invoice(page, shop_url, language):
    words = WORDS[language]
    buy_the_routine_from_the_guide(page, shop_url, "invoice", language)

    expect(page.get_by_role("heading", level=1)).to_have_text(words["thanks"])
    order = Order.objects.get()
    expect(page.locator("#order-number")).to_have_text(order.number)
    expect(page.locator("#order-total")).to_have_text("1.467,95\xa0NOK")
    expect(page.get_by_text(words["pay by invoice"])).to_be_visible()
    assert order.status == "Awaiting payment"
    assert order.language == language
    assert order.shipping_incl_tax == 0  # free from 800 NOK
    confirmation = mail.outbox[0]
    assert confirmation.to == ["kari@example.no"]
    assert words["subject"] in confirmation.subject
    assert words["total"] in confirmation.body
    assert words["thanks"] in confirmation.body


def test_a_guest_buys_the_routine_by_card(page, shop_url, stripe_fake):
    buy_the_routine_from_the_guide(page, shop_url, "card")

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
    page.goto(shop_url + reverse("basket:summary"))
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
    page.get_by_role("button", name="Buy now", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your order"
    )
    order = Order.objects.get()
    expect(page.locator("#order-number")).to_have_text(order.number)
    assert order.user == customer and order.status == "Awaiting payment"
    assert order.total_incl_tax == 328
    assert mail.outbox[0].to == ["kari@example.no"]
    assert customer.addresses.get().line1 == "Storgata 5"  # kept for next time
