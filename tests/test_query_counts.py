"""Query budgets: each public page costs the same with 1 or 10 products or articles."""

import pytest
from django.urls import reverse
from oscar.apps.address.models import Country

from products.models import Category, ProductCategory
from shop.demo import site_data as shop_demo
from tests.fake_bring import FakeBring
from tests.helpers import (
    checkout_until_review,
    make_article,
    make_image,
    make_product,
    make_routine,
    make_topic,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_language")]

SIZES = [1, 10]


def make_products(size):
    """`size` products in one category, each with an image."""
    category = Category.objects.add_root({"name": "Face creams", "slug": "face"})
    products = []
    for number in range(size):
        product = make_product(title=f"Cream {number}", price="100.00")
        make_image(product=product)
        ProductCategory.objects.create(product=product, category=category)
        products.append(product)
    return category, products


def make_catalogue(size):
    """`size` products in one category, all in one routine."""
    category, products = make_products(size)
    routine = make_routine(products=products, price=f"{90 * size}.00")
    return category, products, routine


@pytest.fixture
def catalogue(request):
    return make_catalogue(request.param)


def warm_and_count(client, django_assert_max_num_queries, url, budget, info):
    client.get(url)  # sessions, navigation caches and baskets are set up once
    with django_assert_max_num_queries(budget, info=info):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_home_page_query_budget(client, catalogue, django_assert_max_num_queries):
    warm_and_count(client, django_assert_max_num_queries, "/", 12, "home")


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_category_page_query_budget(client, catalogue, django_assert_max_num_queries):
    category = catalogue[0]
    url = category.get_absolute_url()
    warm_and_count(client, django_assert_max_num_queries, url, 10, "category")


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_product_page_query_budget(client, catalogue, django_assert_max_num_queries):
    url = catalogue[1][-1].get_absolute_url()
    warm_and_count(client, django_assert_max_num_queries, url, 12, "product")


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_routine_page_query_budget(client, catalogue, django_assert_max_num_queries):
    url = catalogue[2].get_absolute_url()
    warm_and_count(client, django_assert_max_num_queries, url, 8, "routine")


@pytest.mark.parametrize("size", SIZES)
def test_basket_page_query_budget(client, size, django_assert_max_num_queries):
    # Without a range offer; the routine's offer has budgets of its own below.
    for product in make_products(size)[1]:
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    url = reverse("basket:summary")
    warm_and_count(client, django_assert_max_num_queries, url, 30, "basket")


# Pages seen with the routine in the basket, so Oscar applies its offer. The
# range's products come from the cache (shop/commerce/offer/models.py), so a
# routine of 10 products costs what a routine of one does.
ROUTINE_BASKET_BUDGETS = {
    "basket": (9, 0),
    "home": (16, 0),
    "product": (15, 0),
}


@pytest.fixture
def routine_basket(request, client):
    """A visitor with a `size`-product routine in the basket."""
    category, products, routine = make_catalogue(request.param)
    response = client.post(reverse("catalogue:routine-add", args=[routine.slug]))
    assert response.status_code == 302
    return products


@pytest.mark.parametrize("routine_basket", SIZES, indirect=True)
@pytest.mark.parametrize("page", ROUTINE_BASKET_BUDGETS)
def test_pages_with_the_routine_offer_in_the_basket_query_budget(
    client, routine_basket, page, django_assert_max_num_queries
):
    urls = {
        "basket": reverse("basket:summary"),
        "home": "/",
        "product": routine_basket[-1].get_absolute_url(),
    }
    first, per_line = ROUTINE_BASKET_BUDGETS[page]
    budget = first + per_line * (len(routine_basket) - 1)
    client.get(urls[page])
    with django_assert_max_num_queries(budget, info=f"{page}, routine offer"):
        response = client.get(urls[page])
    assert response.status_code == 200
    assert response.wsgi_request.basket.offer_discounts  # the offer was applied


@pytest.fixture
def articles(request):
    """`size` live articles sharing a topic and author; each links and embeds
    every product of a `size`-product catalogue and the routine."""
    size = request.param
    _, products, routine = make_catalogue(size)
    topic = make_topic()
    cards = "\n\n".join(f"[[product:{p.slug}]]" for p in products)
    body = f"## Start\n\nText.\n\n{cards}\n\n[[routine:{routine.slug}]]\n\n## End"
    return [
        make_article(
            title=f"Article {number}",
            body=body,
            topics=[topic],
            products=products,
            hero=True,
        )
        for number in range(size)
    ]


@pytest.mark.parametrize("articles", SIZES, indirect=True)
def test_article_list_query_budget(client, articles, django_assert_max_num_queries):
    url = reverse("articles:list")
    warm_and_count(client, django_assert_max_num_queries, url, 5, "article list")


@pytest.mark.parametrize("articles", SIZES, indirect=True)
def test_article_page_query_budget(client, articles, django_assert_max_num_queries):
    url = articles[-1].get_absolute_url()
    warm_and_count(client, django_assert_max_num_queries, url, 16, "article")


@pytest.mark.parametrize("articles", SIZES, indirect=True)
def test_topic_page_query_budget(client, articles, django_assert_max_num_queries):
    url = articles[0].topics.get().get_absolute_url()
    warm_and_count(client, django_assert_max_num_queries, url, 6, "topic")


@pytest.mark.parametrize("articles", SIZES, indirect=True)
def test_author_page_query_budget(client, articles, django_assert_max_num_queries):
    url = articles[0].author.get_absolute_url()
    warm_and_count(client, django_assert_max_num_queries, url, 6, "author")


def through_checkout(client, size, method="invoice"):
    """A guest with `size` lines in the basket, through every checkout step."""
    shop_demo.load_shipping_methods()
    shop_demo.load_footer_pages()
    Country.objects.update_or_create(
        iso_3166_1_a2="NO",
        defaults={
            "name": "Norway",
            "printable_name": "Norway",
            "is_shipping_country": True,
        },
    )
    for product in make_products(size)[1]:
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    checkout_until_review(client, method=method)
    return client


@pytest.fixture
def checkout_basket(request, client):
    return through_checkout(client, request.param)


# The same for 1, 10 and 50 lines: lines come in one query with their
# products' classes, offers and range members from the cache.
CHECKOUT_BUDGETS = {
    "checkout:index": 9,
    "checkout:shipping-address": 11,
    "checkout:shipping-method": 9,
    "checkout:payment-method": 9,
    "checkout:preview": 10,
}


@pytest.mark.parametrize("checkout_basket", [*SIZES, 50], indirect=True)
@pytest.mark.parametrize("step", CHECKOUT_BUDGETS)
def test_checkout_step_query_budget(
    checkout_basket, step, django_assert_max_num_queries
):
    url = reverse(step)
    client = checkout_basket
    client.get(url)
    with django_assert_max_num_queries(CHECKOUT_BUDGETS[step], info=step):
        response = client.get(url)
    assert response.status_code == 200, response.get("Location")


@pytest.fixture
def vipps_basket(request, settings, client):
    """As checkout_basket, paying with Vipps (offered, against the fake)."""
    from tests.fake_vipps import FakeVipps

    with FakeVipps() as fake:
        fake.point_at_me(settings)
        yield through_checkout(client, request.param, method="vipps")


@pytest.mark.parametrize("vipps_basket", SIZES, indirect=True)
@pytest.mark.parametrize("step", ["checkout:payment-method", "checkout:preview"])
def test_checkout_steps_with_vipps_keep_their_query_budget(
    vipps_basket, step, django_assert_max_num_queries
):
    """Offering and choosing Vipps asks Vipps nothing and costs no query."""
    url = reverse(step)
    vipps_basket.get(url)
    with django_assert_max_num_queries(CHECKOUT_BUDGETS[step], info=step):
        response = vipps_basket.get(url)
    assert response.status_code == 200, response.get("Location")
    assert "Vipps" in response.content.decode()


@pytest.mark.parametrize("checkout_basket", SIZES, indirect=True)
def test_delivery_step_with_pickup_points_query_budget(
    checkout_basket, settings, django_assert_max_num_queries
):
    """The delivery step listing Bring's pickup points costs what it costs
    without them. Asking Bring is HTTP, not SQL: the cold call (the list not
    yet cached) is in the same budget as the warm one, and only the cold one
    reaches the fake."""
    client = checkout_basket
    url = reverse("checkout:shipping-method")
    with FakeBring() as fake:
        fake.point_at_me(settings)
        client.get(url, {"postcode": "5003"})  # warms all but the address's list
        for state in ("cold", "warm"):
            info = f"delivery step with pickup points, cache {state}"
            with django_assert_max_num_queries(
                CHECKOUT_BUDGETS["checkout:shipping-method"], info=info
            ):
                response = client.get(url)
            assert response.status_code == 200
            assert 'name="pickup_point"' in response.content.decode()
        assert fake.calls_for("0155") == 1
