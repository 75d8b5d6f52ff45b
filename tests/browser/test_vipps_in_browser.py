"""A guest on a 360 px phone-sized screen buys the routine with Vipps on the
local fake Vipps' landing page: approved, back to the thank-you page; and
declined, back to the payment step with the basket kept. The payment step
offering Vipps is checked with axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.browser.test_accessibility_in_browser import describe
from tests.fake_vipps import FakeVipps

pytestmark = pytest.mark.browser

Order = get_model("order", "Order")


@pytest.fixture
def vipps_fake(settings, shop_url):
    with FakeVipps() as fake:
        fake.point_at_me(settings)
        # The live server's threads share one connection to its in-memory
        # SQLite database, so they must take turns: no webhook while the order
        # is being placed (see send_to_the_shop), and the approval's before the
        # return. Either order, and webhooks meeting the placing, are tested
        # over HTTP in tests/payments/.
        fake.webhooks_before_return = True
        yield fake


def send_to_the_shop(fake, shop_url):
    """Webhooks go to the shop from now on (CREATED, sent while the order
    was placed, went nowhere)."""
    fake.wait_for_webhooks()
    fake.webhook_url = shop_url + "/vipps/webhook/"


def to_vipps(page, shop_url):
    """The routine, as a guest, to the payment step; axe there; then Vipps."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(shop_url + "/en/")
    page.get_by_role("link", name="Read the guide").click()
    page.locator(".routine-card").get_by_role(
        "button", name="Add the whole routine to basket"
    ).click()
    page.get_by_role("link", name="Go to checkout").click()
    page.get_by_label("E-mail address").fill("kari@example.no")
    page.get_by_label("No, continue as a guest").check()
    page.get_by_role("button", name="Continue").click()
    for label, value in (
        ("First name", "Kari"),
        ("Last name", "Nordmann"),
        ("Street address", "Storgata 5"),
        ("Postcode", "0155"),
        ("Town or city", "Oslo"),
        ("Mobile number", "412 34 567"),
    ):
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Choose pickup point").click()

    vipps = page.get_by_role("radio", name=re.compile("^Vipps –"))
    expect(vipps).to_be_visible()
    violations = Axe().run(page).response["violations"]
    assert not violations, "\n".join(describe(v) for v in violations)
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    vipps.check()
    page.get_by_role("button", name="Review your order").click()
    page.get_by_label("I accept the terms of sale.").check()
    page.get_by_role("button", name="Buy now", exact=True).click()


def test_a_guest_buys_the_routine_with_vipps(page, shop_url, vipps_fake):
    to_vipps(page, shop_url)

    expect(page).to_have_url(re.compile(re.escape(vipps_fake.url) + "/landing/"))
    send_to_the_shop(vipps_fake, shop_url)
    expect(page.get_by_text("1467,95 NOK")).to_be_visible()
    page.get_by_role("button", name="Godkjenn / Approve").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your order"
    )
    order = Order.objects.get()
    expect(page.locator("#order-number")).to_have_text(order.number)
    expect(page.get_by_text("Vipps has reserved 1.467,95\xa0NOK.")).to_be_visible()
    assert order.status == "Payment reserved"
    vipps_fake.wait_for_webhooks()
    statuses = [d["status"] for d in vipps_fake.webhook_deliveries]
    assert statuses and set(statuses) == {200}  # signed and accepted
    assert [m.to for m in mail.outbox] == [
        ["kari@example.no"],
        ["hello@skinome.example"],
    ]  # one confirmation, whichever of webhook and return came first
    expect(page.locator(".basket-link__count")).to_have_text("0")


def test_a_guest_who_declines_in_vipps_gets_the_basket_back(page, shop_url, vipps_fake):
    to_vipps(page, shop_url)
    expect(page).to_have_url(re.compile(re.escape(vipps_fake.url) + "/landing/"))
    send_to_the_shop(vipps_fake, shop_url)

    page.get_by_role("button", name="Avvis / Decline").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How would you like to pay?"
    )
    expect(
        page.get_by_text("Your Vipps payment was not completed and nothing was charged")
    ).to_be_visible()
    assert not Order.objects.exists()
    expect(page.locator(".basket-link__count")).to_have_text("4")
    assert mail.outbox == []
