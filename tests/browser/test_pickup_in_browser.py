"""A guest on a 360 px phone chooses a pickup point at the delivery step,
against the fake Bring: not the nearest to the address, but one near another
postcode searched for; the step has no accessibility violation (axe) before
and after the search, nothing is wider than the screen, and the review page
and the order name the point chosen."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests import fake_bring
from tests.browser.test_accessibility_in_browser import describe
from tests.fake_bring import FakeBring
from tests.helpers import DemoCatalogue

pytestmark = pytest.mark.browser

Order = get_model("order", "Order")


@pytest.fixture
def bring_fake(settings, shop_url):
    with FakeBring() as fake:
        fake.point_at_me(settings)
        yield fake


def assert_accessible_and_narrow(page, step):
    violations = Axe().run(page).response["violations"]
    assert not violations, f"{step}:\n" + "\n".join(map(describe, violations))
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{step}: {overflow} px wider than the screen"


def test_a_guest_chooses_a_pickup_point_near_another_postcode(
    page, shop_url, bring_fake
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(shop_url + DemoCatalogue().routine.get_absolute_url())
    page.get_by_role("button", name="Add the whole routine to basket").click()
    page.get_by_role("link", name="Go to checkout").click()
    page.get_by_label("E-mail address").fill("kari@example.no")
    page.get_by_label("No, continue as a guest").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("First name").fill("Kari")
    page.get_by_label("Last name").fill("Nordmann")
    page.get_by_label("Street address").fill("Storgata 5")
    page.get_by_label("Postcode").fill("0155")
    page.get_by_label("Town or city").fill("Oslo")
    page.get_by_label("Mobile number").fill("412 34 567")
    page.get_by_role("button", name="Continue").click()

    # The nearest to the address is preselected.
    oslo = fake_bring.pickup_points("0155")
    nearest = page.get_by_role("radio", name=re.compile(f"^{oslo[0]['name']}"))
    expect(nearest).to_be_checked()
    assert_accessible_and_narrow(page, "delivery step")

    page.get_by_label("Pickup points near another postcode").fill("5003")
    page.get_by_role("button", name="Find pickup points").click()
    expect(page).to_have_url(re.compile(r"postcode=5003"))
    bergen = fake_bring.pickup_points("5003")
    expect(page.get_by_role("group", name=re.compile("5003"))).to_be_visible()
    chosen = page.get_by_role("radio", name=re.compile(f"^{bergen[2]['name']}"))
    expect(page.get_by_role("radio", name=re.compile(f"^{bergen[0]['name']}")))
    assert_accessible_and_narrow(page, "delivery step, another postcode")
    chosen.check()
    page.get_by_role("button", name="Choose pickup point").click()

    page.get_by_role("radio", name=re.compile("^Invoice –")).check()
    page.get_by_role("button", name="Review your order").click()
    choice = page.locator("#delivery-choice")
    expect(choice).to_contain_text(bergen[2]["name"])
    expect(choice).to_contain_text(bergen[2]["visitingAddress"].title())
    expect(choice.get_by_role("link", name="Change pickup point")).to_be_visible()

    page.get_by_label("I accept the terms of sale.").check()
    page.get_by_role("button", name="Buy now", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your order"
    )
    assert Order.objects.get().pickup_point_id == bergen[2]["id"]
