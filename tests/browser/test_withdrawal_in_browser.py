"""A guest on a phone who bought the routine withdraws from one of its
products: from the footer to the withdrawal page, the order number and
e-mail address, one line picked, sent, and the receipt page; every step of
the page without an accessibility violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from shop.commerce.withdrawals.models import Withdrawal
from tests.browser.test_accessibility_in_browser import Audit
from tests.browser.test_checkout_in_browser import buy_the_routine_from_the_guide

pytestmark = pytest.mark.browser

Order = get_model("order", "Order")

WORDS = {
    "en": {
        "home": "/en/",
        "thanks": "Thank you for your order",
        "footer link": "Right of withdrawal",
        "number": "Order number",
        "e-mail": "E-mail address",
        "continue": "Continue",
        "send": "Send withdrawal",
        "received": "Your withdrawal is received",
    },
    "nb": {
        "home": "/",
        "thanks": "Takk for bestillingen",
        "footer link": "Angrerett",
        "number": "Bestillingsnummer",
        "e-mail": "E-postadresse",
        "continue": "Fortsett",
        "send": "Send angremelding",
        "received": "Vi har mottatt angremeldingen din",
    },
}


@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_guest_withdraws_from_a_product_of_the_routine(page, shop_url, language):
    words = WORDS[language]
    audit = Audit(page, Axe())
    buy_the_routine_from_the_guide(page, shop_url, "invoice", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(words["thanks"])
    order = Order.objects.get()
    cleanser = order.lines.order_by("pk").first()
    mail.outbox.clear()

    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(shop_url + words["home"])
    page.locator("footer").get_by_role("link", name=words["footer link"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["footer link"])
    audit("withdrawal: find the order")

    page.get_by_label(words["number"]).fill(order.number)
    page.get_by_label(words["e-mail"]).fill("kari@example.no")
    page.get_by_role("button", name=words["continue"]).click()
    expect(page.get_by_label(cleanser.title, exact=True)).to_be_visible()
    audit("withdrawal: choose the lines")

    page.get_by_label(cleanser.title, exact=True).check()
    page.get_by_role("button", name=words["send"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(words["received"])
    expect(page.locator("#withdrawal-order")).to_have_text(order.number)
    expect(page.locator("#withdrawn-lines")).to_have_text(f"1 × {cleanser.title}")
    audit("withdrawal: receipt")
    # Nothing on the phone-sized page runs wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    withdrawal = Withdrawal.objects.get()
    assert [line.order_line for line in withdrawal.lines.all()] == [cleanser]
    receipt, notification = mail.outbox
    assert receipt.to == ["kari@example.no"]
    assert order.number in notification.subject
    audit.assert_no_violations()
