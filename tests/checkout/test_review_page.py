"""The review page before the final button: the button names the obligation
to pay, and right above it stand the total, the delivery, the right of
withdrawal and the terms (angrerettloven § 16, ehandelsloven § 11)."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers import add_product, checkout_until_review

pytestmark = pytest.mark.django_db

LABELS = {"en": "Buy now", "nb": "Kjøp nå"}


def review_page(client, shop, *, language, method="invoice", shipping="pickup-point"):
    with translation.override(language):
        add_product(client, shop.products[3])  # Gentle Cleansing Milk, 199.00
        response = checkout_until_review(client, method=method, shipping=shipping)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


@pytest.mark.parametrize("language", ["en", "nb"])
@pytest.mark.parametrize("method", ["invoice", "card"])
def test_the_final_button_says_buy_now(client, shop, stripe_fake, language, method):
    page = review_page(client, shop, language=language, method=method)

    button = page.get_element_by_id("place-order")
    assert button.text_content().strip() == LABELS[language]
    assert page.xpath("//form[@id='place-order-form']//button") == [button]


@pytest.mark.parametrize("language", ["en", "nb"])
def test_total_delivery_withdrawal_and_terms_stand_right_above_the_button(
    client, shop, language
):
    page = review_page(client, shop, language=language, shipping="home-delivery")

    form = page.get_element_by_id("place-order-form")
    facts = form.xpath(".//section[@class='before-buying']")[0]
    # Nothing comes between what the customer agrees to and the button.
    assert facts.getnext() is page.get_element_by_id("place-order")
    assert facts.get_element_by_id("final-total").text_content() == "328,00\xa0NOK"
    delivery = facts.get_element_by_id("final-delivery").text_content()
    expected = {
        "en": "Home delivery: 129,00\xa0NOK",
        "nb": "Hjemlevering: 129,00\xa0NOK",
    }
    assert delivery == expected[language]

    withdrawal = facts.get_element_by_id("final-withdrawal")
    with translation.override(language):
        assert withdrawal.xpath(".//a/@href") == [reverse("withdrawal")]
    words = {"en": "within 14 days of receiving the goods", "nb": "innen 14 dager"}
    assert words[language] in withdrawal.text_content()

    terms = facts.get_element_by_id("final-terms")
    assert terms.xpath(".//input[@type='checkbox'][@required]")
    terms_url = {"en": "/en/pages/terms-of-sale/", "nb": "/sider/salgsbetingelser/"}
    assert terms.xpath(".//a/@href") == [terms_url[language]]
    for href in (terms_url[language], withdrawal.xpath(".//a/@href")[0]):
        assert client.get(href).status_code == 200


def test_free_delivery_says_free_above_the_button(client, shop):
    with translation.override("en"):
        for product in shop.products:
            add_product(client, product)
        response = checkout_until_review(client)
    page = lxml.html.fromstring(response.content.decode())
    delivery = page.get_element_by_id("final-delivery").text_content()
    assert delivery == "Pickup point: Free"
