"""A customer, in a real Chromium: the routine page's one button fills the basket
(in English; the guide's browser test walks the same way in Bokmål)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_routine_button_puts_all_four_in_the_basket_at_the_routine_price(
    page, shop_url
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(shop_url + "/en/")
    page.get_by_role("link", name="See the routine").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Microbiome-strengthening routine"
    )

    page.get_by_role("button", name="Add the whole routine to basket").click()

    expect(page).to_have_url(shop_url + "/en/basket/")
    expect(page.locator("#basket-total")).to_have_text("1.467,95\xa0NOK")
    expect(page.locator(".basket-line")).to_have_count(4)
    expect(page.locator(".basket-link__count")).to_have_text("4")
    saving = "You save 228,05\xa0NOK against the single prices."
    expect(page.get_by_text(saving)).to_be_visible()
