"""Bad input gets a clear message on the page, never a 500, and the basket stays."""

import pytest
from django.urls import reverse

from tests.helpers import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def cream(db):
    return make_product(title="Barrier cream", price="499.00", stock=3)


@pytest.fixture
def basket_with_one_cream(client, cream):
    client.post(reverse("basket:add", kwargs={"pk": cream.pk}), {"quantity": 1})
    return client


def basket_lines(client):
    basket = client.get(reverse("basket:summary")).context["basket"]
    return [(line.product.title, line.quantity) for line in basket.all_lines()]


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ("4", "a maximum of 3 can be bought"),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("-2", "Ensure this value is greater than or equal to 1."),
        ("abc", "Enter a whole number."),
        ("", "This field is required."),
    ],
)
def test_adding_a_bad_quantity_explains_and_keeps_the_basket(
    basket_with_one_cream, cream, quantity, message
):
    client = basket_with_one_cream
    response = client.post(
        reverse("basket:add", kwargs={"pk": cream.pk}),
        {"quantity": quantity},
        HTTP_REFERER=cream.get_absolute_url(),
        follow=True,
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == cream.get_absolute_url()
    assert message in response.content.decode()
    assert basket_lines(client) == [("Barrier cream", 1)]


def test_adding_a_product_that_does_not_exist_is_a_friendly_404(
    basket_with_one_cream,
):
    client = basket_with_one_cream
    response = client.post(
        reverse("basket:add", kwargs={"pk": 999999}), {"quantity": 1}
    )
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()
    assert basket_lines(client) == [("Barrier cream", 1)]


def basket_update(client, quantity, **extra):
    page = client.get(reverse("basket:summary"))
    line = page.context["basket"].all_lines()[0]
    data = {
        "form-TOTAL_FORMS": 1,
        "form-INITIAL_FORMS": 1,
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
        "form-0-id": line.pk,
        "form-0-quantity": quantity,
        **extra,
    }
    return client.post(reverse("basket:summary"), data, follow=True)


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ("5", "a maximum of 3 can be bought"),
        ("-1", "Ensure this value is greater than or equal to 0."),
        ("two", "Enter a whole number."),
    ],
)
def test_a_bad_quantity_in_the_basket_is_shown_next_to_the_line(
    basket_with_one_cream, quantity, message
):
    response = basket_update(basket_with_one_cream, quantity)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert f'value="{quantity}"' in html
    assert basket_lines(basket_with_one_cream) == [("Barrier cream", 1)]


def test_changing_and_removing_a_line_in_the_basket(basket_with_one_cream):
    client = basket_with_one_cream
    basket_update(client, "2")
    assert basket_lines(client) == [("Barrier cream", 2)]
    response = basket_update(client, "2", **{"form-0-DELETE": "on"})
    assert basket_lines(client) == []
    assert "Your basket is empty" in response.content.decode()


def test_a_deleted_product_is_removed_from_the_basket_with_a_message(
    basket_with_one_cream, cream, django_capture_on_commit_callbacks
):
    client = basket_with_one_cream
    other = make_product(title="Cleansing milk", price="199.00")
    client.post(reverse("basket:add", kwargs={"pk": other.pk}), {"quantity": 1})

    with django_capture_on_commit_callbacks(execute=True):  # as staff's delete commits
        cream.delete()

    page = client.get(reverse("basket:summary"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "“Barrier cream” is no longer sold" in html
    assert basket_lines(client) == [("Cleansing milk", 1)]
    assert (
        "no longer sold" not in client.get(reverse("basket:summary")).content.decode()
    )


def test_a_product_without_stock_cannot_be_added(client, db):
    empty = make_product(title="Sold-out cream", price="99.00", stock=0)
    html = client.get(empty.get_absolute_url()).content.decode()
    assert "Sold out" in html
    response = client.post(
        reverse("basket:add", kwargs={"pk": empty.pk}), {"quantity": 1}, follow=True
    )
    assert response.status_code == 200
    assert "no stock available" in response.content.decode().lower()


def test_a_hand_made_basket_post_shows_the_basket_again(basket_with_one_cream):
    """A hand-made post with a broken management form and a removed line made
    Oscar read MIN_NUM_FORMS, which such a post may leave out (a 500)."""
    client = basket_with_one_cream
    line = client.get(reverse("basket:summary")).context["basket"].all_lines()[0]
    response = client.post(
        reverse("basket:summary"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": "x",
            "form-0-id": line.pk,
            "form-0-DELETE": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Barrier cream" in response.content.decode()
    assert basket_lines(client) == [("Barrier cream", 1)]
