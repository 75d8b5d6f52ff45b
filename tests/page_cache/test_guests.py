"""Guests with a basket get stored pages with their own header: the right
count after every change, never someone else's, never a stale page."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.commerce.basket.models import BasketNotice
from shop.core.money import format_price
from shop.storefront.page_cache import page_key, unshared_key

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_language")]

Basket = get_model("basket", "Basket")
GUEST_HIT = "hit, header for the visitor"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (forgetting counts, renewing pages), as
    the end of a real request does."""

    def committed(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return committed


def basket_count(page) -> int:
    html = page.content.decode()
    counts = re.findall(
        r'<span class="basket-link__count" aria-hidden="true">(\d+)<', html
    )
    assert len(counts) == 1, counts
    return int(counts[0])


def add(client, commit, product, quantity=1):
    url = reverse("basket:add", kwargs={"pk": product.pk})
    response = commit(client.post, url, {"quantity": quantity})
    assert response.status_code == 302
    client.get(reverse("basket:summary"))  # the basket page shows the message


def without_header(page) -> str:
    return re.sub(
        r"<!--visitor-->.*?<!--/visitor-->", "", page.content.decode(), flags=re.S
    )


@pytest.mark.parametrize("page", ["home", "product", "routine", "category", "article"])
def test_a_guest_with_a_basket_gets_the_stored_page_with_their_count(
    shop, commit, page, django_assert_max_num_queries
):
    urls = {
        "home": reverse("home"),
        "product": shop.products[1].get_absolute_url(),
        "routine": shop.routine.get_absolute_url(),
        "category": shop.products[1].get_categories().first().get_absolute_url(),
        "article": reverse("articles:list"),
    }
    url = urls[page]
    guest = Client()
    add(guest, commit, shop.products[0], quantity=2)
    new_visitor_page = Client().get(url)

    guest.get(url)
    # The session is in the database in tests (in Redis in production).
    with django_assert_max_num_queries(1):
        guest_page = guest.get(url)

    assert guest_page["X-Page-Cache"] == GUEST_HIT
    assert basket_count(guest_page) == 2 and basket_count(new_visitor_page) == 0
    assert without_header(guest_page) == without_header(new_visitor_page)
    assert "private" in guest_page["Cache-Control"]
    assert guest_page["Vary"] == new_visitor_page["Vary"]


def test_a_guest_gets_the_page_a_full_rendering_would_give(shop, commit, settings):
    url = shop.products[1].get_absolute_url()
    guest = Client()
    add(guest, commit, shop.products[0], quantity=3)
    stored = guest.get(url)

    settings.SHOP_PAGE_CACHE_SECONDS = 0
    rendered = guest.get(url)

    assert stored["X-Page-Cache"] == GUEST_HIT and "X-Page-Cache" not in rendered
    assert stored.content == rendered.content


def test_the_count_is_right_after_every_change(shop, commit):
    url = shop.products[2].get_absolute_url()
    guest = Client()
    Client().get(url)  # stored for everyone

    add(guest, commit, shop.products[0])
    assert basket_count(guest.get(url)) == 1
    add(guest, commit, shop.products[0], quantity=2)
    assert basket_count(guest.get(url)) == 3
    commit(guest.post, reverse("catalogue:routine-add", args=[shop.routine.slug]))
    guest.get(reverse("basket:summary"))
    after_routine = guest.get(url)
    assert after_routine["X-Page-Cache"] == GUEST_HIT
    # one of each of the routine's products, whether in the basket or not
    assert basket_count(after_routine) == 3 + shop.routine.steps.count()

    basket = Basket.objects.get()
    line = basket.lines.get(product=shop.products[0])
    others = basket.num_items - line.quantity
    line.quantity = 1
    commit(line.save)  # as the basket page's quantity form does
    assert basket_count(guest.get(url)) == 1 + others
    commit(basket.flush)
    emptied = guest.get(url)
    assert emptied["X-Page-Cache"] == GUEST_HIT and basket_count(emptied) == 0


def test_two_guests_never_see_each_others_basket(shop, commit):
    url = shop.products[3].get_absolute_url()
    kari, ola = Client(), Client()
    add(kari, commit, shop.products[0], quantity=2)
    add(ola, commit, shop.products[1], quantity=5)

    pages = [kari.get(url), ola.get(url), Client().get(url), kari.get(url)]

    assert [basket_count(page) for page in pages] == [2, 5, 0, 2]
    assert pages[2]["X-Page-Cache"] == "hit"
    assert all(page["X-Page-Cache"] == GUEST_HIT for page in (pages[0], pages[1]))


def test_a_submitted_basket_is_not_counted(shop, commit):
    url = shop.products[1].get_absolute_url()
    guest = Client()
    add(guest, commit, shop.products[0], quantity=2)
    assert basket_count(guest.get(url)) == 2

    commit(Basket.objects.get().submit)  # an order was placed with it

    page = guest.get(url)
    assert basket_count(page) == 0
    assert page.get("X-Page-Cache") != GUEST_HIT  # rendered: Oscar drops the cookie


def test_a_notice_for_the_basket_is_shown_on_a_page_rendered_for_the_guest(
    shop, commit
):
    url = shop.products[1].get_absolute_url()
    guest = Client()
    add(guest, commit, shop.products[0])
    guest.get(url)
    commit(
        BasketNotice.objects.create,
        basket=Basket.objects.get(),
        message="A product in your basket is no longer sold.",
    )

    page = commit(guest.get, url)  # shown, and deleted

    assert page.get("X-Page-Cache") != GUEST_HIT
    assert "A product in your basket is no longer sold." in page.content.decode()
    assert guest.get(url)["X-Page-Cache"] == GUEST_HIT  # shown once


def test_a_page_stored_without_the_header_marks_is_stored_again(shop, commit):
    """A page stored by an earlier release, whose header had no marks, is
    never served with the wrong count: it is rendered and stored anew."""
    url = shop.products[1].get_absolute_url()
    page = Client().get(url)
    old_header = page.content.replace(b"<!--visitor-->", b"").replace(
        b"<!--/visitor-->", b""
    )
    cache.set(page_key(url), (old_header, dict(page.headers)), 300)
    guest = Client()
    add(guest, commit, shop.products[0], quantity=4)

    served = guest.get(url)

    assert basket_count(served) == 4 and served["X-Page-Cache"] == GUEST_HIT
    assert b"<!--visitor-->" in cache.get(page_key(url))[0]


def test_a_page_that_is_never_stored_is_rendered_once_per_guest_visit(
    shop, commit, django_assert_max_num_queries
):
    """A product that is gone answers 404, which is never stored: the guest
    gets it rendered for them, and the page is marked so the next guest's
    visit renders it once, not once as a new visitor and once for them."""
    product = shop.products[1]
    url = product.get_absolute_url().replace(f"_{product.pk}/", "_999999/")
    guest = Client()
    add(guest, commit, shop.products[0], quantity=2)

    first = guest.get(url)
    assert cache.get(unshared_key(page_key(url))) is True
    second = guest.get(url)

    for page in (first, second):
        assert page.status_code == 404 and "X-Page-Cache" not in page
        assert basket_count(page) == 2


def test_a_price_change_reaches_a_guest_at_once(shop, commit):
    product = shop.products[1]
    url = product.get_absolute_url()
    guest = Client()
    add(guest, commit, shop.products[0])
    record = product.stockrecords.get()
    before = format_price(record.price)
    assert before in guest.get(url).content.decode()

    record.price -= 20
    commit(record.save)

    page = guest.get(url)
    assert page["X-Page-Cache"] == GUEST_HIT
    assert format_price(record.price) in page.content.decode()
    assert before not in page.content.decode()


def test_a_signed_in_customer_gets_the_page_rendered_for_them(shop, customer):
    url = shop.products[1].get_absolute_url()
    Client().get(url)
    client = Client()
    client.force_login(customer)

    page = client.get(url)

    assert "X-Page-Cache" not in page
    assert reverse("customer:summary") in page.content.decode()
