"""The Content-Security-Policy header on every kind of page.

The storefront and Django admin run only the shop's own scripts and styles
(JSON-LD blocks are data, not scripts). No page has an exception: Oscar's
dashboard, which needed 'unsafe-inline', is no longer routed.
"""

import pytest
from django.urls import reverse

from tests.helpers import make_product

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


def policy(response):
    """Directive → its sources, from the response's header."""
    assert HEADER in response, f"no {HEADER} on {response.request['PATH_INFO']}"
    directives = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


STOREFRONT = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "frame-ancestors": {"'none'"},
    "form-action": {
        "'self'",
        "https://checkout.stripe.com",
        # Vipps' landing page, its API's links that open the app, the app.
        "https://landing.vipps.no",
        "https://api.vipps.no",
        "https://apitest.vipps.no",
        "vipps:",
    },
}


def test_storefront_pages_run_only_the_shops_own_scripts(client):
    product = make_product()
    for url in ("/", product.get_absolute_url(), reverse("basket:summary")):
        assert policy(client.get(url)) == STOREFRONT, url


def test_a_page_from_the_page_cache_carries_the_policy_too(client, settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 300
    product = make_product()

    first = client.get(product.get_absolute_url())
    second = client.get(product.get_absolute_url())

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert policy(second) == policy(first) == STOREFRONT


def test_django_admin_runs_under_the_storefront_policy(admin_client):
    for url in (reverse("admin:index"), reverse("admin:catalogue_product_add")):
        assert policy(admin_client.get(url)) == STOREFRONT, url
    assert policy(admin_client.get(reverse("admin:login"))) == STOREFRONT


def test_no_page_may_run_inline_scripts_or_styles(admin_client):
    """Oscar's dashboard needed 'unsafe-inline'; it is gone, and with it the
    only exception: admin's order pages keep the storefront's policy."""
    from oscar.test.factories import create_order

    order = create_order(number="300001")
    for url in (
        reverse("admin:order_order_changelist"),
        reverse("admin:order_order_change", args=[order.pk]),
        reverse("admin:order_order_cancel", args=[order.pk]),
        "/dashboard/",
    ):
        directives = policy(admin_client.get(url))
        assert "'unsafe-inline'" not in directives["script-src"], url
        assert "'unsafe-inline'" not in directives["style-src"], url


def test_a_local_fake_stripe_may_receive_the_checkout_form(client, settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:12111"

    directives = policy(client.get("/"))

    assert directives["form-action"] == {
        *STOREFRONT["form-action"],
        "http://127.0.0.1:12111",
    }


def test_a_local_fake_vipps_may_receive_the_checkout_form(client, settings):
    settings.VIPPS_API_BASE = "http://127.0.0.1:12112"

    directives = policy(client.get("/"))

    assert directives["form-action"] == {
        *STOREFRONT["form-action"],
        "http://127.0.0.1:12112",
    }


def test_pictures_and_static_files_on_another_origin_are_allowed(client, settings):
    settings.MEDIA_URL = "https://media.skinome.example/media/"
    settings.STATIC_URL = "https://static.skinome.example/static/"

    directives = policy(client.get("/"))

    assert directives["img-src"] == {
        "'self'",
        "data:",
        "https://media.skinome.example",
        "https://static.skinome.example",
    }
    for name in ("script-src", "style-src", "font-src"):
        assert directives[name] == {"'self'", "https://static.skinome.example"}
