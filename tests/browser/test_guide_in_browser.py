"""A reader, in a real Chromium on a phone-sized screen: from the (Bokmål) home
page to the guide, through its table of contents to the routine card, into the
basket."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_goes_from_the_guide_to_a_basket_with_the_routine(page, shop_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(shop_url + "/")
    page.get_by_role("link", name="Les guiden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("isotretinoin")

    # The table of contents jumps to the routine section.
    page.get_by_role("navigation", name="I denne artikkelen").get_by_role(
        "link", name="En enkel rutine"
    ).click()
    expect(page).to_have_url(re.compile(r"#en-enkel-rutine$"))
    expect(page.get_by_role("heading", name="En enkel rutine")).to_be_in_viewport()

    card = page.locator(".routine-card")
    card.scroll_into_view_if_needed()
    expect(card).to_be_in_viewport()
    expect(card.locator(".price")).to_have_text("1.467,95\xa0NOK")
    # The guide's product cards show live prices too.
    expect(page.locator(".article__body .card")).to_have_count(4)

    card.get_by_role("button", name="Legg hele rutinen i handlekurven").click()

    expect(page).to_have_url(shop_url + "/handlekurv/")
    expect(page.locator("#basket-total")).to_have_text("1.467,95\xa0NOK")
    expect(page.locator(".basket-line")).to_have_count(4)


def test_the_guide_fits_a_phone_screen(page, shop_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(shop_url + "/en/articles/skin-during-and-after-isotretinoin/")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    hero = page.locator(".article__hero img")
    expect(hero).to_be_visible()
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    font_size = page.locator(".article__body p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )
    assert font_size >= 16
