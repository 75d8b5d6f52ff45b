"""The Content-Security-Policy in a real Chromium: the shop's pages run under it
without a single violation, and a script that got into a page would not run.

Violations are collected the way the browser reports them to the page (the
``securitypolicyviolation`` event) and on the console.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from oscar.test.factories import create_order
from playwright.sync_api import expect

from tests.helpers import DemoCatalogue

pytestmark = pytest.mark.browser

LISTEN_FOR_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
  );
});
"""
GUIDE = "/en/articles/skin-during-and-after-isotretinoin/"


@pytest.fixture
def watched(page):
    """The page, and every policy violation it meets (event or console)."""
    console = []

    def note(message):
        if "Content Security Policy" in message.text:
            console.append(message.text)

    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    page.on("console", note)

    def violations():
        return page.evaluate("window.cspViolations") + console

    return page, violations


def visit(page, url):
    response = page.goto(url)
    assert response.ok, url
    assert "content-security-policy" in response.headers  # lower-cased
    return response


def test_shop_pages_run_under_the_policy_without_violations(watched, shop_url):
    page, violations = watched
    catalogue = DemoCatalogue()
    seen = {}
    for url in [
        "/",
        catalogue.products[0].get_absolute_url(),
        GUIDE,
        "/en/pages/shipping-and-returns/",
        catalogue.routine.get_absolute_url(),
    ]:
        visit(page, shop_url + url)
        # Pages with JSON-LD prove that data blocks need no hash or nonce.
        assert page.locator('script[type="application/ld+json"]').count(), url
        seen[url] = violations()

    page.get_by_role("button", name="Add the whole routine to basket").click()
    expect(page.locator("#basket-total")).to_have_text("1.467,95\xa0NOK")
    seen["/en/basket/"] = violations()
    page.get_by_role("link", name="Go to checkout").click()
    page.get_by_label("E-mail address").fill("kari@example.no")
    page.get_by_label("No, continue as a guest").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("Street address")).to_be_visible()
    seen["checkout address step"] = violations()

    assert seen == dict.fromkeys(seen, [])


def test_a_script_that_got_into_a_page_is_blocked(watched, shop_url):
    """As if a footer page had been stored with markup before it was cleaned:
    the shop's real response, with an inline script and an event handler
    slipped into its body, keeps its real header."""
    page, violations = watched
    injected = (
        "<script>window.injected = 'script'</script>"
        "<img src=x onerror=\"window.injected = 'handler'\">"
    )

    def inject(route):
        response = route.fetch()
        body = response.text().replace("</article>", injected + "</article>")
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/pages/shipping-and-returns/$"), inject)
    visit(page, shop_url + "/en/pages/shipping-and-returns/")

    assert page.evaluate("window.injected") is None
    blocked = violations()
    assert any(v.startswith("script-src-elem blocked inline") for v in blocked)
    assert any(v.startswith("script-src-attr blocked inline") for v in blocked)


@pytest.fixture
def superuser_page(watched, shop_url):
    get_user_model().objects.create_superuser(
        username="owner", email="owner@skinome.example", password="owner-password"
    )
    page, violations = watched
    visit(page, shop_url + "/admin/login/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill("owner-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    return page, violations


def test_django_admin_works_under_the_policy(superuser_page, shop_url):
    page, violations = superuser_page
    catalogue = DemoCatalogue()

    visit(page, f"{shop_url}/admin/catalogue/routine/{catalogue.routine.pk}/change/")
    # The autocomplete widget is admin's JavaScript at work.
    expect(page.locator(".select2-container").first).to_be_visible()
    visit(page, shop_url + "/admin/articles/article/add/")
    page.get_by_label("Title [nb]:", exact=True).press_sequentially("Vinterhud")
    expect(page.get_by_label("Slug [nb]:")).to_have_value("vinterhud")
    page.get_by_label("Title [en]:", exact=True).press_sequentially("Winter skin")
    expect(page.get_by_label("Slug [en]:")).to_have_value("winter-skin")
    # An order's page and its steps are plain forms: no script of their own.
    order = create_order(number="400001")
    visit(page, f"{shop_url}/admin/order/order/{order.pk}/change/")
    page.get_by_role("button", name="Mark paid").click()
    expect(page.get_by_text("Order 400001 is now Paid.")).to_be_visible()
    page.get_by_label("Tracking number").fill("70730259304981234")
    page.get_by_role("button", name="Mark shipped").click()
    expect(page.get_by_text("Order 400001 is now Shipped.")).to_be_visible()

    assert violations() == []
