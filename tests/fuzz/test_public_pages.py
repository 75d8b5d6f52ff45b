"""Every public page, with random query parameters, and random paths under
every URL prefix: whatever arrives, the shop answers without a 5xx."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from articles.models import Article, Author, Topic
from products.models import Category
from shop.storefront.footer_pages import footer_page_url
from tests.fuzz.strategies import path_segment, query_pairs

pytestmark = pytest.mark.django_db

QUERY_NAMES = ("q", "page", "next", "email", "session_id", "sort_by", "date_from")
PREFIXES = (
    "/",
    # Bokmål pages; the English ones under /en/.
    "/produkter/",
    "/produkter/kategori/",
    "/produkter/rutiner/",
    "/handlekurv/",
    "/handlekurv/add/",
    "/kassen/",
    "/konto/",
    "/artikler/",
    "/artikler/emner/",
    "/artikler/forfattere/",
    "/artikler/preview/",
    "/sider/",
    "/glemt-passord/bekreft/",
    "/sok/",
    "/tilbud/",
    "/angrerett/",
    "/en/",
    "/en/catalogue/",
    "/en/catalogue/category/",
    "/en/catalogue/routines/",
    "/en/basket/add/",
    "/en/checkout/card/return/",
    "/en/accounts/order-status/1/",
    "/en/articles/topics/",
    "/en/articles/preview/",
    "/en/pages/",
    "/en/password-reset/confirm/",
    "/en/search/",
    "/en/withdrawal/",
    "/language/",
    # The English-only shop's addresses, which answer 301 to their /en/ page.
    "/catalogue/",
    "/catalogue/category/",
    "/catalogue/routines/",
    "/basket/",
    "/basket/add/",
    "/checkout/",
    "/checkout/card/return/",
    "/accounts/",
    "/accounts/order-status-form/",
    "/accounts/order-status/1/",
    "/articles/",
    "/articles/topics/",
    "/articles/authors/",
    "/articles/preview/",
    "/pages/",
    "/password-reset/confirm/",
    "/sitemap-",
    "/search/",
    "/offers/",
    "/wishlists/",
    "/dashboard/",
    "/admin/",
    "/static/",
    "/media/",
)


def public_urls(shop):
    """Every page type in both languages; the same list whichever language
    the previous request left active."""
    urls = ["/sok/", "/en/search/"]
    for language in ("nb", "en"):
        with translation.override(language):
            urls += public_urls_in_the_active_language(shop)
    return list(dict.fromkeys(urls))


def public_urls_in_the_active_language(shop):
    article = Article.objects.published().first()
    terms = FlatPage.objects.get(url_en="/pages/terms-of-sale/")
    urls = [
        reverse("home"),
        reverse("catalogue:index"),
        reverse("basket:summary"),
        reverse("checkout:index"),
        reverse("customer:login"),
        reverse("customer:register"),
        reverse("password-reset"),
        reverse("withdrawal"),
        reverse("withdrawal-sent"),
        reverse("articles:list"),
        reverse("articles:feed"),
        reverse("robots"),
        reverse("sitemap-index"),
        reverse("sitemap-section", args=["products"]),
        footer_page_url(terms),
        shop.routine.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:topic", args=[Topic.objects.first().slug]),
        reverse("articles:author", args=[Author.objects.first().slug]),
        Category.objects.first().get_absolute_url(),
    ]
    urls += [product.get_absolute_url() for product in shop.products]
    return urls


def query_string(pairs):
    return "&".join(f"{name}={value}" for name, value in pairs)


def assert_answered(response):
    assert response.status_code < 500, response.content[:2000]


@given(data=st.data())
def test_every_public_page_takes_any_query_parameters(client, full_shop, data):
    url = data.draw(st.sampled_from(public_urls(full_shop)), label="url")
    pairs = data.draw(query_pairs(QUERY_NAMES), label="query")
    assert_answered(client.get(f"{url}?{query_string(pairs)}"))


@given(prefix=st.sampled_from(PREFIXES), tail=path_segment(), slash=st.booleans())
def test_any_path_under_any_prefix_is_answered(client, full_shop, prefix, tail, slash):
    assert_answered(client.get(prefix + tail + ("/" if slash else "")))


@given(
    url=st.sampled_from(("/", "/produkter/", "/handlekurv/", "/en/", "/en/basket/")),
    cookie=path_segment(),
)
def test_any_basket_or_session_cookie_is_answered(client, full_shop, url, cookie):
    for name in ("sessionid", "oscar_open_basket", "csrftoken", "messages"):
        response = client.get(url, HTTP_COOKIE=f"{name}={cookie}")
        assert_answered(response)
