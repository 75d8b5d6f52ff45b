"""One basket cannot take all the stock: at most SHOP_MAX_QUANTITY_PER_LINE
of one product and OSCAR_MAX_BASKET_QUANTITY_THRESHOLD items in all, wherever
quantity enters the basket and again when the order is placed.

An unpaid order holds its units (a card order until Stripe's session expires,
an invoice order until staff act), so these limits bound what one customer
can keep from the others. The tests use the shop's own settings.
"""

import pytest
from django.conf import settings
from django.urls import reverse
from oscar.core.loading import get_model

from shop.commerce.partner.strategy import Selector
from tests.helpers import add_product, checkout_until_review, place_order

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

PER_LINE = "no more than 10 of one product per order"
PER_ORDER = "not able to ship more than 20 items in one order"


def test_the_limits_are_ten_of_a_product_and_twenty_items():
    assert settings.SHOP_MAX_QUANTITY_PER_LINE == 10
    assert settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD == 20


def basket_lines(client):
    basket = client.get(reverse("basket:summary")).context["basket"]
    return {line.product.title: line.quantity for line in basket.all_lines()}


def add(client, product, quantity):
    return client.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": quantity},
        HTTP_REFERER=product.get_absolute_url(),
        follow=True,
    )


@pytest.mark.parametrize(("first", "then"), [(10, 1), (4, 7), (0, 11)])
def test_adding_more_than_ten_of_a_product_is_refused_and_the_basket_kept(
    client, shop, first, then
):
    cream = shop.products[0]  # 40 in stock
    if first:
        add_product(client, cream, first)

    response = add(client, cream, then)

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == cream.get_absolute_url()
    assert PER_LINE in response.content.decode()
    assert basket_lines(client) == ({cream.title: first} if first else {})


def test_the_quantity_field_offers_no_more_than_the_limit(client, shop):
    cream = shop.products[0]
    html = client.get(cream.get_absolute_url()).content.decode()
    assert f'id="quantity-{cream.pk}" name="quantity" type="number"' in html
    assert 'max="10"' in html and 'max="40"' not in html


def basket_update(client, quantities):
    page = client.get(reverse("basket:summary"))
    lines = page.context["basket"].all_lines()
    data = {
        "form-TOTAL_FORMS": len(lines),
        "form-INITIAL_FORMS": len(lines),
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
    }
    for index, (line, quantity) in enumerate(zip(lines, quantities, strict=True)):
        data[f"form-{index}-id"] = line.pk
        data[f"form-{index}-quantity"] = quantity
    return client.post(reverse("basket:summary"), data, follow=True)


def test_changing_a_line_to_more_than_ten_is_refused_next_to_the_line(client, shop):
    cream = shop.products[0]
    add_product(client, cream, 2)

    response = basket_update(client, [11])

    html = response.content.decode()
    assert PER_LINE in html and 'aria-invalid="true"' in html
    assert 'value="11"' in html  # what was typed stays
    assert 'max="10"' in html
    assert basket_lines(client) == {cream.title: 2}


def test_more_than_twenty_items_in_all_are_refused(client, shop):
    first, second, third = shop.products[:3]
    add_product(client, first, 10)
    add_product(client, second, 10)

    response = add(client, third, 1)

    assert PER_ORDER in response.content.decode()
    assert basket_lines(client) == {first.title: 10, second.title: 10}


def test_a_basket_change_past_twenty_items_is_refused(client, shop):
    first, second, third = shop.products[:3]
    add_product(client, first, 10)
    add_product(client, second, 5)
    add_product(client, third, 4)

    response = basket_update(client, [10, 5, 6])

    assert PER_ORDER in response.content.decode()
    assert basket_lines(client) == {first.title: 10, second.title: 5, third.title: 4}


def test_the_routine_button_respects_the_limit_per_product(client, shop):
    cream = shop.products[0]
    add_product(client, cream, 10)

    response = client.post(
        reverse("catalogue:routine-add", args=[shop.routine.slug]), follow=True
    )

    html = response.content.decode()
    assert "The routine could not be added" in html and PER_LINE in html
    assert basket_lines(client) == {cream.title: 10}


def test_the_routine_button_respects_the_limit_per_order(client, shop):
    add_product(client, shop.products[0], 9)
    add_product(client, shop.products[1], 9)

    response = client.post(
        reverse("catalogue:routine-add", args=[shop.routine.slug]), follow=True
    )

    html = response.content.decode()
    assert "The routine could not be added" in html and PER_ORDER in html
    assert sum(basket_lines(client).values()) == 18


def saved_basket(customer, quantities):
    """A basket the customer filled when signed in on another visit."""
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy()
    for product, quantity in quantities:
        basket.add_product(product, quantity)
    return basket


def sign_in_at_the_gateway(client):
    response = client.post(
        reverse("checkout:index"),
        {
            "username": "kari@example.no",
            "options": "existing",
            "password": "kari-password",
        },
    )
    assert response["Location"] == reverse("checkout:shipping-address")


def test_a_basket_filled_before_the_limit_was_lowered_cannot_be_ordered(
    client, shop, settings
):
    cream = shop.products[0]
    add_product(client, cream, 10)
    settings.SHOP_MAX_QUANTITY_PER_LINE = 6

    response = client.get(reverse("checkout:index"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    html = response.content.decode()
    reason = "no more than 6 of one product per order"
    assert f"{cream.title}&#x27; is no longer available to buy ({reason})" in html
    assert basket_lines(client) == {cream.title: 10}  # kept, for the customer to fix


def test_a_basket_merged_past_twenty_items_cannot_be_ordered(client, shop, customer):
    """Signing in merges the visitor's basket into the account's, which
    Oscar does without checking the limit."""
    first, second, third, fourth = shop.products
    saved_basket(customer, [(first, 6), (second, 6)])
    add_product(client, third, 6)
    add_product(client, fourth, 6)
    sign_in_at_the_gateway(client)

    response = client.get(reverse("checkout:shipping-address"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    html = response.content.decode()
    assert "Your basket has 24 items, and one order can hold at most 20." in html
    assert sum(basket_lines(client).values()) == 24


@pytest.mark.parametrize(
    ("grown", "message"),
    [
        ({0: 11, 3: 1}, PER_LINE),
        ({0: 10, 3: 10, 1: 1}, "Your basket has 21 items"),
    ],
    ids=["past ten of a product", "past twenty items"],
)
def test_the_limits_are_checked_again_when_the_order_is_placed(
    client, shop, grown, message
):
    """The basket grows between the review and the click (in another tab, or
    by a merge), past what the forms would have let through."""
    add_product(client, shop.products[0], 1)
    checkout_until_review(client)
    basket = saved_basket_of(client)
    basket.lines.all().delete()
    for index, quantity in grown.items():
        basket.add_product(shop.products[index], quantity)

    response = place_order(client)

    assert response["Location"] == reverse("basket:summary")
    assert not Order.objects.exists()
    page = client.get(reverse("basket:summary"))
    assert message in page.content.decode()
    assert sum(basket_lines(client).values()) == sum(grown.values())


def saved_basket_of(client):
    basket = client.get(reverse("basket:summary")).context["basket"]
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    return basket
