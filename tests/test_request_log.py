"""One log line per request: method, route, status, time, request id and
app server; never the address itself, its query, or who asked."""

import logging

import pytest
from django.test import Client

from shop.core.cache import redis_cache
from shop.core.request_ids import ACCEPTED
from tests.faulty_services import closed_port_url

pytestmark = pytest.mark.django_db

CUSTOMER_IP = "203.0.113.9"


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.DEBUG, logger="shop.requests")

    def lines():
        return [r for r in caplog.records if r.name == "shop.requests"]

    return lines


def test_the_load_balancers_id_is_echoed_and_logged(request_lines, settings):
    settings.SHOP_SERVER_NAME = "app1"

    response = Client().get("/robots.txt", HTTP_X_REQUEST_ID="7f000001:c0a8_0001")

    assert response["X-Request-ID"] == "7f000001:c0a8_0001"
    (line,) = request_lines()
    assert line.request_id == "7f000001:c0a8_0001"
    assert line.levelno == logging.INFO
    assert line.getMessage().startswith("GET robots 200 ")
    assert line.getMessage().endswith("ms server=app1")
    assert (line.method, line.route, line.status) == ("GET", "robots", 200)


def test_passing_health_checks_are_logged_below_info(request_lines, settings):
    settings.CACHES = {
        "default": redis_cache(
            closed_port_url(), timeout_seconds=settings.REDIS_TIMEOUT_SECONDS
        )
    }
    Client().get("/healthz")
    Client().get("/readyz")

    levels = [(line.route, line.status, line.levelno) for line in request_lines()]
    assert levels == [
        ("healthz", 200, logging.DEBUG),
        ("readyz", 503, logging.INFO),
    ]


@pytest.mark.parametrize("sent", [None, "", "short", "has spaces in it", "x" * 65])
def test_a_missing_or_odd_id_is_replaced_by_a_new_one(request_lines, sent):
    headers = {} if sent is None else {"HTTP_X_REQUEST_ID": sent}

    response = Client().get("/robots.txt", **headers)

    request_id = response["X-Request-ID"]
    assert request_id != sent
    assert ACCEPTED.fullmatch(request_id)
    assert request_lines()[0].request_id == request_id


def test_the_console_line_carries_the_request_id():
    console = next(h for h in logging.getLogger().handlers if h.name == "console")
    record = logging.makeLogRecord({"name": "shop.requests", "msg": "GET healthz"})
    for log_filter in console.filters:
        log_filter.filter(record)

    assert "[-] shop.requests: GET healthz" in console.format(record)


def logged(request_lines):
    return "\n".join(line.getMessage() for line in request_lines())


def test_a_password_reset_link_is_logged_as_its_route(request_lines):
    Client().get("/en/password-reset/confirm/MTIz/c4xyz1-0123456789abcdef0123/")

    message = logged(request_lines)
    assert "GET password-reset-confirm 200 " in message
    assert "MTIz" not in message
    assert "0123456789abcdef" not in message


def test_an_order_status_link_is_logged_without_its_number_or_hash(request_lines):
    Client().get("/en/accounts/order-status/100042/aGFzaC1vZi10aGUtb3JkZXI/")

    message = logged(request_lines)
    assert "GET customer:anon-order " in message
    assert "100042" not in message
    assert "aGFzaC1vZi10aGUtb3JkZXI" not in message


def test_an_unnamed_route_is_logged_as_its_pattern(request_lines, demo_catalogue):
    product = demo_catalogue.products[0]

    Client().post(f"/en/basket/add/{product.pk}/", {"quantity": 1})

    assert "POST en/basket/add/<int:pk>/ 302 " in logged(request_lines)


def test_an_unknown_address_and_a_query_are_never_logged(request_lines):
    Client().get("/en/no-such-page/secret-token-4711/")
    Client().get("/en/catalogue/?q=kari.nordmann@example.no")

    message = logged(request_lines)
    assert "GET - 404" in message
    assert "secret-token-4711" not in message
    assert "kari" not in message
    assert "?" not in message


def test_a_page_from_the_page_cache_is_logged_as_its_route(
    demo_catalogue, request_lines, settings
):
    settings.SHOP_PAGE_CACHE_SECONDS = 300
    product = demo_catalogue.products[0]
    Client().get(product.get_absolute_url())

    response = Client().get(product.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"
    line = request_lines()[-1]
    assert line.route == "catalogue:detail"
    assert product.slug not in line.getMessage()


def test_nothing_about_the_visitor_is_logged(request_lines, customer):
    client = Client(REMOTE_ADDR=CUSTOMER_IP)
    client.force_login(customer)

    client.get("/en/accounts/")

    message = logged(request_lines)
    assert CUSTOMER_IP not in message
    assert customer.email not in message
    assert customer.username not in message
    assert "GET customer:summary " in message
