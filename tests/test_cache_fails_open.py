"""The cache fails open: with Redis unreachable, hung or full, every page
renders from the database, sessions keep working, and the log gets one line
per kind of failure, not one per cache call.

The cache is configured exactly as production configures it for a
REDIS_URL (`shop.core.cache.redis_cache`), pointed at a broken Redis.
tests/faults/ does the same with the real server.
"""

import logging

import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from shop.core import page_versions
from shop.core.cache import OncePerInterval, redis_cache
from shop.demo import article_data as articles_demo
from shop.demo import site_data as shop_demo
from tests.faulty_services import HungServer, RedisServer, closed_port_url
from tests.helpers import add_routine, checkout_until_review, place_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(demo_catalogue, settings):
    shop_demo.load_shipping_methods()
    shop_demo.load_footer_pages()
    articles_demo.load()
    settings.SHOP_PAGE_CACHE_SECONDS = 300
    return demo_catalogue


def broken_cache(url, settings):
    return redis_cache(url, timeout_seconds=settings.REDIS_TIMEOUT_SECONDS)


def use_redis(settings, url):
    settings.CACHES = {"default": broken_cache(url, settings)}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def storefront_urls(shop):
    return [
        "/",
        reverse("home"),
        reverse("catalogue:index"),
        reverse("catalogue:index") + "?q=cream",
        shop.products[0].get_absolute_url(),
        shop.products[0].categories.first().get_absolute_url(),
        shop.routine.get_absolute_url(),
        reverse("articles:list"),
        reverse("articles:detail", args=["skin-during-and-after-isotretinoin"]),
        "/robots.txt",
        "/sitemap.xml",
        reverse("basket:summary"),
        reverse("checkout:index"),
    ]


def test_every_storefront_page_renders_with_redis_unreachable(shop, settings):
    use_redis(settings, closed_port_url())
    for url in storefront_urls(shop):
        response = Client().get(url)
        assert response.status_code in (200, 302), (url, response.status_code)


def test_a_guest_orders_with_redis_unreachable(shop, settings, client):
    use_redis(settings, closed_port_url())
    add_routine(client, shop)
    checkout_until_review(client)

    response = place_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    assert "is confirmed" in client.get(response["Location"]).content.decode()


def test_a_signed_in_customer_stays_signed_in_with_the_basket_when_redis_goes(
    shop, settings, customer
):
    with RedisServer() as redis:
        use_redis(settings, redis.url)
        client = Client()
        signed_in = client.post(
            reverse("customer:login"),
            {
                "login-username": customer.email,
                "login-password": "kari-password",
                "login_submit": "Sign in",
            },
        )
        assert signed_in.status_code == 302
        add_routine(client, shop)
        assert redis.cli("DBSIZE") != "0"  # the session is cached in Redis
    # Redis is gone now.

    page = client.get(reverse("basket:summary"))

    assert page.context["user"] == customer
    assert page.context["basket"].num_lines == 4


def test_every_kind_of_cache_call_fails_open(settings):
    """What the shop (and Oscar, django's cached_db sessions) calls."""
    use_redis(settings, closed_port_url())
    broken = caches["default"]
    assert broken.get("a") is None
    assert broken.get("a", "fallback") == "fallback"
    assert broken.get_or_set("a", lambda: "computed") == "computed"
    assert not broken.add("a", 1)
    broken.set("a", 1)
    assert broken.incr("a") is None
    assert not broken.delete("a")
    assert "a" not in broken
    assert broken.get_many(["a", "b"]) == {}
    page_versions.move_version_on()


def test_a_flood_of_failing_cache_calls_logs_once_per_kind(
    shop, settings, caplog, monkeypatch
):
    (once,) = logging.getLogger("shop.core.cache").filters
    assert isinstance(once, OncePerInterval)
    monkeypatch.setattr(once, "_last_seen", {})  # earlier tests logged already
    use_redis(settings, closed_port_url())
    caplog.set_level(logging.WARNING)

    for _ in range(5):
        for url in ("/", shop.products[0].get_absolute_url()):
            assert Client().get(url).status_code == 200

    cache_lines = [r for r in caplog.records if r.name == "shop.core.cache"]
    assert len(cache_lines) == 1, [r.getMessage() for r in cache_lines]


def test_a_hung_redis_is_waited_for_once_not_on_every_cache_call(shop, settings):
    with HungServer() as hung:
        use_redis(settings, hung.redis_url)
        urls = ("/", shop.products[0].get_absolute_url(), reverse("articles:list"))
        for url in urls:
            assert Client().get(url).status_code == 200
        # Each call would otherwise open a connection and wait its timeout.
        assert len(hung.connections) <= 2


def test_a_full_redis_still_serves_pages(shop, settings):
    with RedisServer("--maxmemory", "2mb", "--maxmemory-policy", "noeviction") as redis:
        redis.fill()
        use_redis(settings, redis.url)
        cache.get("warm-up")
        for url in storefront_urls(shop):
            response = Client().get(url)
            assert response.status_code in (200, 302), (url, response.status_code)
