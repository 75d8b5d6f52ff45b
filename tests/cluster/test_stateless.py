"""Any app server answers any visitor: a basket started on one is ordered on
the other, with nothing but the visitor's cookies carried over."""

import re

import pytest

from perf.checkout_load import (
    Customer,
    add_to_basket,
    walk_from_basket_to_review,
)
from tests.cluster.conftest import shop_at

pytestmark = pytest.mark.cluster

ORDER_NUMBER = re.compile(r'id="order-number">([^<]+)<')


def test_a_basket_started_on_one_app_server_is_ordered_on_the_other(
    cluster, catalogue, database
):
    first = shop_at(cluster.app_urls["app1"], catalogue)
    second = shop_at(cluster.app_urls["app2"], catalogue)
    customer = Customer(first)
    add_to_basket(customer, first.products[0])

    customer.shop = second
    walk_from_basket_to_review(customer, "stateless@example.no", "invoice")
    customer.send(
        "place order",
        "POST",
        second.preview,
        {"action": "place_order", "accept_terms": "on"},
        status=302,
        to=second.thank_you,
    )
    page = customer.session.get(second.url(second.thank_you), timeout=10)

    assert page.status_code == 200
    (number,) = ORDER_NUMBER.findall(page.text)
    row = database.execute(
        "SELECT guest_email FROM order_order WHERE number = %s", [number]
    ).fetchone()
    assert row == ("stateless@example.no",)
