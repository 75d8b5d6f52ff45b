"""The real shop when PostgreSQL drops its connections: between requests
(a database restart), and in the middle of one.

PostgreSQL only: the faults are made with `pg_terminate_backend`, and a
request is caught mid-way by holding a table lock it has to wait for.
"""

import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.db import connection

from tests.faults.conftest import (
    BASKET,
    TEST_CONNECTION,
    THANK_YOU,
    Visitor,
    assert_no_server_errors,
)
from tests.faulty_services import RedisServer

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="drops PostgreSQL connections"
    ),
    pytest.mark.django_db,  # the test database is set up (see conftest)
]


def libpq_url(database):
    return database.url.replace("postgres://", "postgresql://", 1)


def drop_server_connections(database, *, waiting_on_lock=False):
    """Terminate the server's connections (not the test's); returns how many."""
    condition = "AND wait_event_type = 'Lock'" if waiting_on_lock else ""
    with database.connect() as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name <> %s "
            f"{condition}",
            [TEST_CONNECTION],
        ).fetchall()
    return len(rows)


class TableLock:
    """Hold an exclusive lock on a table, so a request that touches it waits
    where the test can find and drop its connection."""

    def __init__(self, database, table):
        self.database, self.table = database, table

    def __enter__(self):
        self.connection = psycopg.connect(
            libpq_url(self.database), application_name=TEST_CONNECTION
        )
        self.connection.execute(f"LOCK TABLE {self.table} IN ACCESS EXCLUSIVE MODE")
        return self

    def __exit__(self, *exc_info):
        self.connection.rollback()
        self.connection.close()


def answer_while_dropped(database, table, request, *args):
    """Send ``request(*args)`` while ``table`` is locked, drop the server's
    connection that waits for the lock, and return the answer."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        with TableLock(database, table):
            pending = pool.submit(request, *args)
            deadline = time.monotonic() + 10
            while not drop_server_connections(database, waiting_on_lock=True):
                assert time.monotonic() < deadline, "the request never waited"
                time.sleep(0.05)
        return pending.result(timeout=30)


@pytest.fixture
def shop_with_redis(faulty_shop, start_shop):
    with RedisServer() as redis:
        yield start_shop(REDIS_URL=redis.url)


def test_pages_answer_after_and_during_dropped_database_connections(
    faulty_shop, shop_with_redis
):
    visitor = Visitor(shop_with_redis)
    # With a basket, the first query of a request is the basket's, before
    # any view runs.
    visitor.add_routine(faulty_shop)
    for _ in range(4):  # both workers hold a connection now
        visitor.get(BASKET)

    # Between requests, as when the database restarts.
    assert drop_server_connections(faulty_shop.database) >= 1
    answers = [visitor.get(path) for path in faulty_shop.storefront_paths[:6]]
    assert {answer.status_code for answer in answers} == {200}

    # In the middle of a page: in its view for a new reader, in the
    # basket's middleware for the visitor with a basket.
    reader = Visitor(shop_with_redis)
    for who, product in (
        (reader, faulty_shop.products[2]),
        (visitor, faulty_shop.products[3]),
    ):
        page = answer_while_dropped(
            faulty_shop.database, "catalogue_product", who.get, product.url
        )
        assert page.status_code == 200
        assert product.title in page.text

    for who in (visitor, reader):
        who.figures("database connections dropped between and during pages")
        assert_no_server_errors(who)


def test_an_order_whose_connection_drops_mid_request_is_not_lost_or_doubled(
    faulty_shop, shop_with_redis
):
    visitor = Visitor(shop_with_redis)
    visitor.add_routine(faulty_shop)
    visitor.checkout_until_review()

    dropped = answer_while_dropped(
        faulty_shop.database, "order_order", visitor.place_order
    )

    assert dropped.status_code == 503
    assert "Nothing was saved" in dropped.text
    assert faulty_shop.database.order_numbers() == []
    basket = visitor.get(BASKET).text
    assert basket.count('<li class="basket-line') == 4

    again = visitor.place_order()  # as the page asks

    assert again.headers["Location"] == THANK_YOU
    assert len(faulty_shop.database.order_numbers()) == 1
    assert visitor.place_order().status_code == 302  # a third click: same order
    assert len(faulty_shop.database.order_numbers()) == 1
    visitor.figures("database connection dropped while placing an order")
    assert [status for _, status in visitor.server_errors] == [503]
