"""Adding to the basket takes no CSRF token (for the page cache), so other
sites must not be able to do it for a visitor: the basket cookie is
SameSite=Lax, and a cross-site request to the token-free views is refused."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

COOKIE = settings.OSCAR_BASKET_COOKIE_OPEN
CROSS_SITE = [
    {"HTTP_SEC_FETCH_SITE": "cross-site"},
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_ORIGIN": "http://testserver.evil.example"},
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
]
SAME_SITE = [
    {},
    {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
    {"HTTP_SEC_FETCH_SITE": "none"},
    {"HTTP_ORIGIN": "http://testserver"},
]


def token_free_posts(demo_catalogue):
    product = demo_catalogue.products[0]
    return [
        (reverse("basket:add", args=[product.pk]), {"quantity": 1}),
        (reverse("catalogue:routine-add", args=[demo_catalogue.routine.slug]), {}),
    ]


def basket_count(client):
    return client.get(reverse("basket:summary")).context["basket"].num_items


def test_the_basket_cookie_is_same_site_lax(client, demo_catalogue):
    product = demo_catalogue.products[0]
    response = client.post(reverse("basket:add", args=[product.pk]), {"quantity": 1})
    cookie = response.cookies[COOKIE]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_a_cross_site_add_is_refused_for_a_new_visitor(client, demo_catalogue, headers):
    for url, data in token_free_posts(demo_catalogue):
        response = client.post(url, data, **headers)
        assert response.status_code == 403
        html = response.content.decode()
        assert "Nothing was added to your basket" in html
        assert 'class="site-header"' in html
        assert COOKIE not in response.cookies
    assert basket_count(client) == 0


@pytest.mark.parametrize("headers", CROSS_SITE[:2])
def test_a_cross_site_add_is_refused_for_a_signed_in_customer(
    client,
    customer,
    demo_catalogue,
    headers,
):
    client.force_login(customer)
    for url, data in token_free_posts(demo_catalogue):
        assert client.post(url, data, **headers).status_code == 403
    assert basket_count(client) == 0


@pytest.mark.parametrize("headers", SAME_SITE)
def test_our_own_pages_and_old_browsers_still_add(client, demo_catalogue, headers):
    for url, data in token_free_posts(demo_catalogue):
        assert client.post(url, data, **headers).status_code == 302
    assert basket_count(client) == 5


def test_the_shops_public_address_counts_as_our_own(client, demo_catalogue, settings):
    settings.SHOP_SITE_URL = "https://shop.skinome.example"
    url, data = token_free_posts(demo_catalogue)[0]
    response = client.post(url, data, HTTP_ORIGIN="https://shop.skinome.example")
    assert response.status_code == 302
