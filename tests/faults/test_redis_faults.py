"""The real shop with Redis unreachable, gone mid-session, hung, or full:
every storefront page answers, customers order, nobody is signed out."""

import secrets

import pytest

from tests.faults.conftest import (
    ACCOUNT,
    BASKET,
    CUSTOMER_EMAIL,
    CUSTOMER_PASSWORD,
    THANK_YOU,
    Visitor,
    assert_no_server_errors,
)
from tests.faulty_services import HungServer, RedisServer, closed_port_url

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db,  # the test database is set up (see conftest)
]


def test_with_redis_unreachable_the_storefront_answers_and_a_guest_orders(
    faulty_shop, start_shop
):
    server = start_shop(REDIS_URL=closed_port_url())
    visitor = Visitor(server)

    visitor.walk_storefront(faulty_shop)
    visitor.walk_storefront(faulty_shop)  # would be cache hits
    visitor.add_routine(faulty_shop)
    visitor.checkout_until_review()
    placed = visitor.place_order()

    assert placed.headers["Location"] == THANK_YOU
    assert "Thank you" in visitor.get(THANK_YOU).text
    assert len(faulty_shop.database.order_numbers()) == 1
    visitor.figures("Redis unreachable")
    assert_no_server_errors(visitor)


def test_a_signed_in_customer_keeps_session_and_basket_when_redis_goes_away(
    faulty_shop, start_shop
):
    with RedisServer() as redis:
        server = start_shop(REDIS_URL=redis.url)
        kari = Visitor(server)
        kari.sign_in(CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
        kari.add_routine(faulty_shop)
        assert "Your account" in kari.get("/en/").text
    # Redis is gone: its port is closed now.

    basket = kari.get(BASKET).text
    assert "Your account" in basket
    assert basket.count('<li class="basket-line') == 4
    kari.walk_storefront(faulty_shop)
    assert "Your account" in kari.get(ACCOUNT).text
    kari.figures("Redis gone mid-session")
    assert_no_server_errors(kari)


def test_with_redis_hung_every_page_answers_within_its_timeout(faulty_shop, start_shop):
    with HungServer() as hung:
        server = start_shop(REDIS_URL=hung.redis_url)
        visitor = Visitor(server)

        visitor.walk_storefront(faulty_shop)  # each page within PAGE_TIMEOUT
        visitor.add_routine(faulty_shop)
        visitor.checkout_until_review()
        placed = visitor.place_order()

    assert placed.headers["Location"] == THANK_YOU
    assert len(faulty_shop.database.order_numbers()) == 1
    visitor.figures("Redis hung")
    assert_no_server_errors(visitor)


def test_with_redis_full_pages_answer_and_random_query_strings_change_nothing(
    faulty_shop, start_shop
):
    with RedisServer("--maxmemory", "4mb", "--maxmemory-policy", "noeviction") as redis:
        server = start_shop(REDIS_URL=redis.url)
        visitor = Visitor(server)
        visitor.walk_storefront(faulty_shop)  # stores the pages
        redis.fill()

        for number in range(30):
            noise = secrets.token_hex(8)
            path = faulty_shop.storefront_paths[number % 5]
            visitor.get(f"{path}?{noise}={noise}")
        visitor.walk_storefront(faulty_shop)
        visitor.add_routine(faulty_shop)
        visitor.checkout_until_review()
        placed = visitor.place_order()

    assert placed.headers["Location"] == THANK_YOU
    assert len(faulty_shop.database.order_numbers()) == 1
    visitor.figures("Redis full")
    assert_no_server_errors(visitor)
