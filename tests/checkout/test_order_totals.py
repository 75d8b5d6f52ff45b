"""One summary under the lines: the basket, the review, the thank-you page,
the order page and the confirmation e-mail say the same, in the same words."""

import html
import re

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from tests.helpers import (
    add_product,
    add_routine,
    checkout_until_review,
    place_order,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ROW = re.compile(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", re.S)
NBSP = "\xa0"


def summary(response):
    page = response.content.decode()
    listing = re.search(r'<dl class="totals__list">(.*?)</dl>', page, re.S).group(1)
    return [(html.unescape(dt), html.unescape(dd)) for dt, dd in ROW.findall(listing)]


def order_page(client, order):
    kwargs = {"order_number": order.number, "hash": order.verification_hash()}
    form = client.post(
        reverse("customer:anon-order-form", kwargs=kwargs), {"email": order.email}
    )
    return client.get(form.url)


def test_shipping_an_order_the_summary_reads_the_same_everywhere(
    client, shop, django_capture_on_commit_callbacks
):
    add_product(client, shop.products[3])  # Gentle Cleansing Milk, 199.00
    expected = [
        ("Products", f"199,00{NBSP}NOK"),
        ("Shipping (Home delivery)", f"129,00{NBSP}NOK"),
        ("Total", f"328,00{NBSP}NOK"),
        (f"Of which VAT (25{NBSP}%)", f"65,60{NBSP}NOK"),
        ("of which on shipping", f"25,80{NBSP}NOK"),
    ]

    assert summary(client.get(reverse("basket:summary"))) == [
        ("Total", f"199,00{NBSP}NOK"),
        (f"Of which VAT (25{NBSP}%)", f"39,80{NBSP}NOK"),
    ]
    assert summary(checkout_until_review(client, shipping="home-delivery")) == expected
    with django_capture_on_commit_callbacks(execute=True):
        thank_you = client.get(place_order(client)["Location"])
    assert summary(thank_you) == expected
    assert summary(order_page(client, Order.objects.get())) == expected

    text = mail.outbox[0].body
    in_text = "".join(f"{label}: {amount}\n" for label, amount in expected)
    assert in_text.replace(f"25{NBSP}%", "25 %") in text


def test_an_offer_is_taken_off_the_products_in_every_summary(
    client, shop, django_capture_on_commit_callbacks
):
    add_routine(client, shop)
    basket = summary(client.get(reverse("basket:summary")))
    review = summary(checkout_until_review(client))
    with django_capture_on_commit_callbacks(execute=True):
        thank_you = summary(client.get(place_order(client)["Location"]))
    order = summary(order_page(client, Order.objects.get()))

    products = ("Products", f"1.696,00{NBSP}NOK")
    offer = (shop.routine.offer.name, f"−228,05{NBSP}NOK")
    shipping = ("Shipping (Pickup point)", "Free")
    total = ("Total", f"1.467,95{NBSP}NOK")
    assert basket[:3] == [products, offer, total]
    assert (
        review[:4] == thank_you[:4] == order[:4] == [products, offer, shipping, total]
    )
    assert f"{offer[0]}: {offer[1]}\n" in mail.outbox[0].body
