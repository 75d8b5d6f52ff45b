"""Twenty customers order the last five units at the same moment.

Real HTTP against the live server (one thread and one database connection
per request) with real concurrent clients. PostgreSQL only: SQLite runs one
write transaction at a time, and the test server shares one connection to
SQLite's in-memory test database, so there is no concurrency to test there.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urljoin

import pytest
import requests
from django.db import connection
from django.urls import reverse
from oscar.core.loading import get_model

from shop.demo import catalogue_data as products_demo
from shop.demo import site_data as shop_demo
from tests.helpers import ADDRESS

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent transactions"
)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

CUSTOMERS = 20
UNITS_LEFT = 5


class Customer:
    """A browser session: cookies, CSRF token, forms posted like a browser."""

    def __init__(self, base_url, number):
        self.base_url = base_url
        self.email = f"customer{number}@example.no"
        self.http = requests.Session()
        # Reversed here, in English: the threads that place orders have no
        # language active, and would reverse the Bokmål address.
        self.review = reverse("checkout:preview")

    def post(self, path, data):
        token = self.http.cookies.get("csrftoken")
        return self.http.post(
            urljoin(self.base_url, path),
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": self.base_url},
            allow_redirects=False,
            timeout=60,
        )

    def get(self, path):
        return self.http.get(urljoin(self.base_url, path), timeout=60)

    def fill_basket_and_reach_review(self, product):
        added = self.post(
            reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}
        )
        assert added.status_code == 302  # no CSRF token needed to add
        # The checkout's forms set the CSRF cookie.
        self.get(reverse("checkout:index"))
        steps = [
            (
                reverse("checkout:index"),
                {"username": self.email, "options": "anonymous"},
            ),
            (reverse("checkout:shipping-address"), ADDRESS),
            (reverse("checkout:shipping-method"), {"method_code": "pickup-point"}),
            (reverse("checkout:payment-method"), {"method": "invoice"}),
        ]
        for path, data in steps:
            response = self.post(path, data)
            assert response.status_code == 302, (path, response.text[:500])

    def place_order(self):
        return self.post(self.review, {"action": "place_order", "accept_terms": "on"})


@pytest.fixture
def last_units(live_server, transactional_db):
    products_demo.load()
    shop_demo.load_shipping_methods()
    shop_demo.load_footer_pages()
    product = Product.objects.get(slug="probiotic-concentrate")
    product.stockrecords.update(num_in_stock=UNITS_LEFT, num_allocated=0)
    return live_server.url, product


def test_the_last_five_units_go_to_exactly_five_of_twenty_customers(last_units):
    base_url, product = last_units
    customers = [Customer(base_url, number) for number in range(CUSTOMERS)]
    for customer in customers:
        customer.fill_basket_and_reach_review(product)
    start = threading.Barrier(CUSTOMERS)

    def place(customer):
        start.wait()  # all twenty press "place order" at once
        return customer.place_order()

    with ThreadPoolExecutor(max_workers=CUSTOMERS) as pool:
        responses = list(pool.map(place, customers))

    thank_you, basket = reverse("checkout:thank-you"), reverse("basket:summary")
    placed = [r for r in responses if r.headers["Location"] == thank_you]
    refused = [r for r in responses if r.headers["Location"] == basket]
    assert len(placed) == UNITS_LEFT
    assert len(refused) == CUSTOMERS - UNITS_LEFT
    assert Order.objects.count() == UNITS_LEFT
    record = product.stockrecords.get()
    assert (record.num_in_stock, record.num_allocated) == (UNITS_LEFT, UNITS_LEFT)
    assert sum(o.lines.get().quantity for o in Order.objects.all()) == UNITS_LEFT

    # Everyone else is told, and still has their basket.
    for customer, response in zip(customers, responses, strict=True):
        if response in refused:
            page = customer.get(basket).text
            assert re.search(r"sold out|no longer available", page), page[:500]
            assert 'class="basket-line' in page
    open_baskets = Basket.objects.filter(status=Basket.OPEN, lines__isnull=False)
    assert open_baskets.distinct().count() == CUSTOMERS - UNITS_LEFT


def test_a_double_click_sent_twice_at_once_places_one_order(last_units):
    base_url, product = last_units
    customer = Customer(base_url, 0)
    customer.fill_basket_and_reach_review(product)
    start = threading.Barrier(2)

    def click(_):
        start.wait()
        return customer.place_order()

    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(click, range(2)))

    assert [r.status_code for r in responses] == [302, 302]
    assert {r.headers["Location"] for r in responses} == {reverse("checkout:thank-you")}
    assert Order.objects.count() == 1
    assert product.stockrecords.get().num_allocated == 1
