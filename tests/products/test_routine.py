"""The routine: one price for its four products, done with Oscar's offers."""

from decimal import Decimal

import pytest
from django.urls import reverse

from shop.commerce.basket.models import Basket
from shop.commerce.offer.models import ConditionalOffer
from tests.helpers import make_product, make_routine

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def add_routine(client, routine):
    return client.post(reverse("catalogue:routine-add", kwargs={"slug": routine.slug}))


def open_basket(client):
    return Basket.objects.get(
        pk=client.cookies["oscar_open_basket"].value.split(":")[0]
    )


def test_one_routine_in_the_basket_totals_exactly_the_routine_price(
    client, demo_catalogue
):
    response = add_routine(client, demo_catalogue.routine)
    assert response.status_code == 302
    assert response.url == reverse("basket:summary")

    page = client.get(reverse("basket:summary"))
    basket = page.context["basket"]
    assert basket.num_items == 4
    assert basket.total_incl_tax == Decimal("1467.95")
    html = page.content.decode()
    assert f'id="basket-total">1.467,95{NBSP}NOK<' in html
    assert f"You save 228,05{NBSP}NOK" in html


def test_two_routines_cost_twice_the_routine_price(client, demo_catalogue):
    add_routine(client, demo_catalogue.routine)
    add_routine(client, demo_catalogue.routine)
    page = client.get(reverse("basket:summary"))
    assert page.context["basket"].total_incl_tax == Decimal("2935.90")


def test_an_extra_product_is_added_at_its_own_price(client, demo_catalogue):
    extra = make_product(title="Lip balm", price="89.00")
    add_routine(client, demo_catalogue.routine)
    client.post(reverse("basket:add", kwargs={"pk": extra.pk}), {"quantity": 1})
    page = client.get(reverse("basket:summary"))
    assert page.context["basket"].total_incl_tax == Decimal("1556.95")


def test_three_of_the_four_products_get_no_discount(client, demo_catalogue):
    for product in demo_catalogue.products[:3]:
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    basket = client.get(reverse("basket:summary")).context["basket"]
    assert basket.total_discount == 0
    assert basket.total_incl_tax == Decimal("1497.00")


def test_changing_the_routine_price_in_admin_changes_the_offer(
    admin_client, demo_catalogue
):
    routine = demo_catalogue.routine
    languages = ("nb", "en")  # admin shows each text once per language
    data = {
        f"{name}_{language}": getattr(routine, f"{name}_{language}")
        for name in ("name", "slug", "summary", "description")
        for language in languages
    } | {
        "price": "1399.00",
        "is_public": "on",
        "steps-TOTAL_FORMS": "4",
        "steps-INITIAL_FORMS": "4",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    for index, step in enumerate(routine.steps.all()):
        data |= {
            f"steps-{index}-id": step.pk,
            f"steps-{index}-routine": routine.pk,
            f"steps-{index}-product": step.product_id,
            f"steps-{index}-position": step.position,
        }
        for name in ("when", "instruction"):
            for language in languages:
                value = getattr(step, f"{name}_{language}")
                data[f"steps-{index}-{name}_{language}"] = value
    url = reverse("admin:catalogue_routine_change", args=[routine.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]

    offer = ConditionalOffer.objects.get(routine=routine)
    assert offer.benefit.value == Decimal("1399.00")
    assert offer.condition.value == 4
    assert set(offer.condition.range.all_products()) == set(demo_catalogue.products)


def test_routine_page_shows_steps_price_and_saving(client, demo_catalogue):
    routine = demo_catalogue.routine
    html = client.get(routine.get_absolute_url()).content.decode()
    assert f"1.467,95{NBSP}NOK" in html
    assert f"you save 228,05{NBSP}NOK" in html
    for product in demo_catalogue.products:
        assert product.title in html
    assert reverse("catalogue:routine-add", kwargs={"slug": routine.slug}) in html


def test_routine_with_a_sold_out_product_is_disabled_and_says_why(
    client, demo_catalogue
):
    sold_out = demo_catalogue.products[1]
    sold_out.stockrecords.update(num_in_stock=0)
    routine = demo_catalogue.routine
    html = client.get(routine.get_absolute_url()).content.decode()
    assert "can't be bought right now" in html
    assert f"{sold_out.title}\n" in html or f"{sold_out.title} " in html
    assert 'disabled aria-describedby="routine-unavailable"' in html
    assert reverse("catalogue:routine-add", kwargs={"slug": routine.slug}) not in html


def test_adding_a_routine_with_a_sold_out_product_adds_nothing(client, demo_catalogue):
    keep = demo_catalogue.products[0]
    client.post(reverse("basket:add", kwargs={"pk": keep.pk}), {"quantity": 1})
    demo_catalogue.products[2].stockrecords.update(num_in_stock=0)

    response = add_routine(client, demo_catalogue.routine)
    assert response.status_code == 302
    page = client.get(response.url)
    assert "could not be added" in page.content.decode()
    basket = open_basket(client)
    assert [line.product for line in basket.all_lines()] == [keep]


def test_a_routine_without_products_cannot_be_added(client, db):
    routine = make_routine(products=[], price="100.00")
    response = add_routine(client, routine)
    page = client.get(response.url, follow=True)
    assert "has no products" in page.content.decode()
    assert not Basket.objects.exists() or open_basket(client).is_empty


def test_an_unknown_routine_gives_a_message_not_an_error(client, db):
    response = client.post(
        reverse("catalogue:routine-add", kwargs={"slug": "no-such-routine"}),
        follow=True,
    )
    assert response.status_code == 200
    assert "no longer available" in response.content.decode()


def test_a_routine_is_cheaper_than_its_products_bought_separately(demo_catalogue):
    from products.routines import routine_quote
    from shop.commerce.partner.strategy import NorwegianRetail

    quote = routine_quote(demo_catalogue.routine, strategy=NorwegianRetail())
    assert quote.separate_total == Decimal("1696.00")
    assert quote.saving == Decimal("228.05")
    assert quote.is_available
