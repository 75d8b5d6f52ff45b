"""axe-core in a real Chromium: the key pages of the shop, and every checkout
page a guest reaches, have no accessibility violation at all.

Every rule axe runs by default counts, whatever its impact; a failure lists
each violation with the elements it was found on.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from articles.models import Article
from products.models import Category
from shop.demo import catalogue_content as demo_content
from tests.helpers import DemoCatalogue

pytestmark = pytest.mark.browser

GUIDE_SLUG = "skin-during-and-after-isotretinoin"
SCREENS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


@pytest.fixture(scope="session")
def axe():
    return Axe()


class Audit:
    """axe run on the page as it is at each step; what it found, by step."""

    def __init__(self, page, axe):
        self.page, self.axe, self.found = page, axe, {}

    def __call__(self, step):
        violations = self.axe.run(self.page).response["violations"]
        self.found[step] = (self.page.url, [describe(v) for v in violations])

    def assert_no_violations(self):
        report = "\n\n".join(
            f"{step} ({url}):\n" + "\n".join(violations)
            for step, (url, violations) in self.found.items()
            if violations
        )
        if report:
            pytest.fail("axe found accessibility violations:\n\n" + report)


@pytest.fixture
def audit(page, axe):
    return Audit(page, axe)


def describe(violation):
    """One violation: its rule, impact and help, then each element's target,
    markup and what axe says is wrong with it."""
    lines = [
        f"- {violation['id']} ({violation['impact']}): {violation['help']}",
        f"  {violation['helpUrl']}",
    ]
    for node in violation["nodes"]:
        lines.append(f"  * {' '.join(map(str, node['target']))}")
        lines.append(f"    {' '.join(node['html'].split())[:300]}")
        for reason in node.get("failureSummary", "").splitlines():
            lines.append(f"      {reason.strip()}")
    return "\n".join(lines)


def visit(page, url):
    response = page.goto(url)
    assert response.ok, url


@pytest.mark.parametrize("screen", SCREENS)
def test_the_key_pages_have_no_accessibility_violations(page, shop_url, audit, screen):
    page.set_viewport_size(SCREENS[screen])
    catalogue = DemoCatalogue()
    product = catalogue.products[0]
    category = Category.objects.get(slug=demo_content.CATEGORIES[0]["slug"])
    guide = Article.objects.get(slug=GUIDE_SLUG)
    for language in ("nb", "en"):
        with translation.override(language):
            pages = [
                ("home", reverse("home")),
                ("category", category.get_absolute_url()),
                ("product", product.get_absolute_url()),
                ("routine", catalogue.routine.get_absolute_url()),
                ("article list", reverse("articles:list")),
                ("guide", guide.get_absolute_url()),
                ("withdrawal", reverse("withdrawal")),
            ]
        for name, url in pages:
            visit(page, shop_url + url)
            audit(f"{name} ({language})")

    visit(page, shop_url + product.get_absolute_url())
    page.get_by_role("button", name=re.compile("^Add to basket")).click()
    page.get_by_role("link", name="View basket").click()
    expect(page.locator("#basket-total")).to_be_visible()
    audit("basket with a product")

    audit.assert_no_violations()


def test_the_checkout_pages_a_guest_reaches_have_no_accessibility_violations(
    page, shop_url, audit
):
    visit(page, shop_url + DemoCatalogue().routine.get_absolute_url())
    page.get_by_role("button", name="Add the whole routine to basket").click()
    page.get_by_role("link", name="Go to checkout").click()
    audit("checkout: e-mail")

    page.get_by_label("E-mail address").fill("kari@example.no")
    page.get_by_label("No, continue as a guest").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("Street address")).to_be_visible()
    audit("checkout: address")

    page.get_by_label("First name").fill("Kari")
    page.get_by_label("Last name").fill("Nordmann")
    page.get_by_label("Street address").fill("Storgata 5")
    page.get_by_label("Postcode").fill("155")
    page.get_by_label("Town or city").fill("Oslo")
    page.get_by_label("Mobile number").fill("412 34 567")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("A Norwegian postcode has four digits")).to_be_visible()
    audit("checkout: address with an error")

    page.get_by_label("Postcode").fill("0155")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Choose pickup point")).to_be_visible()
    audit("checkout: shipping method")

    page.get_by_role("button", name="Choose pickup point").click()
    expect(page.get_by_role("radio", name=re.compile("^Invoice –"))).to_be_visible()
    audit("checkout: payment method")

    page.get_by_role("radio", name=re.compile("^Invoice –")).check()
    page.get_by_role("button", name="Review your order").click()
    expect(page.locator("#order-total")).to_be_visible()
    audit("checkout: review")

    page.get_by_label("I accept the terms of sale.").check()
    page.get_by_role("button", name="Buy now", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("order"))
    audit("checkout: thank you")

    audit.assert_no_violations()


def test_a_page_with_a_violation_fails_the_audit(page, shop_url, audit):
    """The shop's real home page with a picture without alt text slipped in."""

    def inject(route):
        response = route.fetch()
        body = response.text().replace("</main>", '<img src="/x.png"></main>')
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/$"), inject)
    visit(page, shop_url + "/en/")
    audit("home with a bare picture")

    with pytest.raises(pytest.fail.Exception) as failure:
        audit.assert_no_violations()
    assert "- image-alt (critical): Images must have alternative text" in str(
        failure.value
    )
    assert '<img src="/x.png">' in str(failure.value)
