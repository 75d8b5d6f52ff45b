"""The page cache serves anonymous visitors, and never serves stale or
someone else's data."""

import secrets
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from articles.models import Article
from shop.commerce.partner.models import StockRecord
from shop.core.cache import redis_cache
from shop.core.page_versions import watched_models
from shop.demo import catalogue_data as products_demo
from shop.storefront import page_cache
from tests.faulty_services import RedisServer
from tests.helpers import DemoCatalogue

pytestmark = pytest.mark.django_db


def visit(url, data=None, client=None):
    return (client or Client()).get(url, data)


def test_a_new_visitor_gets_the_page_from_the_cache_without_the_database(
    shop, django_assert_num_queries
):
    url = shop.products[0].get_absolute_url()
    first = visit(url)
    with django_assert_num_queries(0):
        second = visit(url)

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(
    "url",
    [
        *("/", "/produkter/", "/artikler/"),
        *("/en/", "/en/catalogue/", "/en/articles/"),
        *("/sitemap.xml", "/robots.txt"),
    ],
)
def test_public_pages_are_cached(shop, url):
    visit(url)
    assert visit(url)["X-Page-Cache"] == "hit"


def test_a_price_change_shows_on_the_next_visit(
    shop, django_capture_on_commit_callbacks
):
    product = shop.products[0]
    url = product.get_absolute_url()
    assert "549,00\xa0NOK" in visit(url).content.decode()

    record = product.stockrecords.get()
    record.price = "529.00"
    with django_capture_on_commit_callbacks(execute=True):
        record.save()  # as staff do in admin

    page = visit(url)
    assert page["X-Page-Cache"] == "miss"
    assert "529,00\xa0NOK" in page.content.decode()
    assert "529,00\xa0NOK" in visit(reverse("home")).content.decode()


def test_stock_taken_by_an_order_shows_on_the_next_visit(
    shop, django_capture_on_commit_callbacks
):
    product = shop.products[0]
    url = product.get_absolute_url()
    record = product.stockrecords.get()
    available = record.net_stock_level
    assert f"In stock ({available} available)" in visit(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        StockRecord.objects.get(pk=record.pk).allocate(3)  # an order was placed

    assert f"In stock ({available - 3} available)" in visit(url).content.decode()


def test_an_article_edit_shows_on_the_next_visit(
    shop, django_capture_on_commit_callbacks
):
    guide = Article.objects.get(slug="skin-during-and-after-isotretinoin")
    visit(guide.get_absolute_url())
    visit(reverse("articles:list"))

    guide.title = "Skin during and after isotretinoin: the updated guide"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save()

    assert guide.title in visit(guide.get_absolute_url()).content.decode()
    assert guide.title in visit(reverse("articles:list")).content.decode()


def test_a_routine_price_change_shows_on_the_next_visit(
    shop, django_capture_on_commit_callbacks
):
    routine = shop.routine
    visit(routine.get_absolute_url())
    routine.price = "1399.00"
    with django_capture_on_commit_callbacks(execute=True):
        routine.save()
    assert "1.399,00\xa0NOK" in visit(routine.get_absolute_url()).content.decode()


def test_every_model_pages_show_renews_the_pages():
    """Each app names its own models in its ready(); together they cover all
    that public pages show."""
    assert {model._meta.label for model in watched_models()} == {
        "catalogue.Product",
        "catalogue.ProductImage",
        "catalogue.Category",
        "catalogue.ProductCategory",
        "catalogue.Routine",
        "catalogue.RoutineStep",
        "partner.StockRecord",
        "offer.ConditionalOffer",
        "offer.Condition",
        "offer.Benefit",
        "offer.Range",
        "offer.RangeProduct",
        "articles.Article",
        "articles.ArticleProduct",
        "articles.Author",
        "articles.Topic",
        "flatpages.FlatPage",
        "shipping.OrderAndItemCharges",
    }


def test_two_visitors_never_see_each_others_basket(shop):
    url = shop.products[1].get_absolute_url()
    kari, ola = Client(), Client()
    kari.post(
        reverse("basket:add", kwargs={"pk": shop.products[0].pk}), {"quantity": 2}
    )

    kari_page = visit(url, client=kari)
    ola_page = visit(url, client=ola)
    ola_again = visit(url, client=Client())

    assert "X-Page-Cache" not in kari_page  # she has a basket: rendered for her
    assert '<span class="basket-link__count" aria-hidden="true">2</span>' in (
        kari_page.content.decode()
    )
    for page in (ola_page, ola_again):
        assert '<span class="basket-link__count" aria-hidden="true">0</span>' in (
            page.content.decode()
        )
    assert ola_again["X-Page-Cache"] == "hit"
    assert "2</span>" in visit(url, client=kari).content.decode()


def test_a_signed_in_customer_never_gets_a_cached_anonymous_page(shop, customer):
    url = reverse("home")
    visit(url)
    visit(url)  # cached now
    client = Client()
    client.force_login(customer)

    page = visit(url, client=client)

    assert "X-Page-Cache" not in page
    html = page.content.decode()
    assert "Your account" in html and "Sign in" not in html


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(shop):
    client = Client()
    client.post(reverse("catalogue:routine-add", args=["no-such-routine"]))
    page = client.get(reverse("home"))  # the message is shown here
    assert "X-Page-Cache" not in page


@pytest.mark.parametrize(
    "url",
    [
        *("/handlekurv/", "/kassen/", "/konto/login/"),
        *("/en/basket/", "/en/checkout/", "/en/accounts/login/"),
    ],
)
def test_private_pages_are_never_cached(shop, url):
    visit(url)
    assert "X-Page-Cache" not in visit(url)


def test_adding_to_the_basket_needs_no_csrf_token_but_ordering_does(shop):
    client = Client(enforce_csrf_checks=True)
    product = shop.products[0]

    added = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}
    )
    routine = client.post(reverse("catalogue:routine-add", args=[shop.routine.slug]))

    assert added.status_code == 302 and routine.status_code == 302
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 5
    login = client.post(reverse("customer:login"), {"login-username": "x@example.no"})
    assert login.status_code == 403
    place = client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert place.status_code == 403


# --- Keys: only what a page reads ----------------------------------------------


def test_a_query_string_the_page_does_not_read_is_never_stored(shop):
    planted = visit("/?utm_source=%3Cb%3Eplanted%3C%2Fb%3E")
    assert planted.status_code == 200
    assert "X-Page-Cache" not in planted  # rendered for this visitor only

    page = visit("/")
    assert page["X-Page-Cache"] == "miss"
    assert "planted" not in page.content.decode()


def test_a_visitor_with_a_tracking_parameter_gets_the_stored_page(shop):
    url = shop.products[0].get_absolute_url()
    first = visit(url)

    tracked = visit(f"{url}?utm_source=newsletter&fbclid=abc123")

    assert tracked["X-Page-Cache"] == "hit"
    assert tracked.content == first.content


def test_a_page_number_on_a_page_without_pages_is_not_stored(shop):
    url = shop.products[0].get_absolute_url()
    for number in range(2, 5):
        assert "X-Page-Cache" not in visit(f"{url}?page={number}")
    assert visit(url)["X-Page-Cache"] == "miss"


def test_searches_that_mean_the_same_share_one_stored_page(shop):
    url = reverse("catalogue:index")
    first = visit(url, {"q": "Cream"})
    assert first["X-Page-Cache"] == "miss"

    for same in ("cream", "  CREAM ", "cream\t"):
        assert visit(url, {"q": same})["X-Page-Cache"] == "hit", same
    assert visit(url, {"q": "milk"})["X-Page-Cache"] == "miss"


def test_a_search_is_keyed_on_the_part_the_search_reads(shop):
    long_query = "cream " + "x" * 200
    visit(reverse("catalogue:index"), {"q": long_query})

    again = visit(reverse("catalogue:index"), {"q": long_query + "something else"})

    assert again["X-Page-Cache"] == "hit"


def test_a_flood_of_random_query_strings_does_not_grow_the_cache(shop, settings):
    with RedisServer() as redis:
        settings.CACHES = {
            "default": redis_cache(
                redis.url, timeout_seconds=settings.REDIS_TIMEOUT_SECONDS
            )
        }
        urls = ["/", reverse("catalogue:index"), shop.products[0].get_absolute_url()]
        for url in urls:
            visit(url)
        keys_before = int(redis.cli("DBSIZE"))

        for number in range(200):
            noise = secrets.token_hex(8)
            url = urls[number % len(urls)]
            response = visit(f"{url}?{noise}={noise}&page={number}&q={noise}")
            assert response.status_code in (200, 302)

        assert int(redis.cli("DBSIZE")) == keys_before


def test_a_sitemap_page_number_is_its_own_page(shop):
    assert visit("/sitemap-products.xml").status_code == 200
    beyond = visit("/sitemap-products.xml", {"p": "2"})
    assert beyond.status_code == 404  # not page 1 from the cache


# --- Renewal after commit ---------------------------------------------------------


def test_a_page_stored_before_a_price_change_commits_is_renewed_when_it_commits(
    shop, django_capture_on_commit_callbacks
):
    url = shop.products[0].get_absolute_url()
    record = shop.products[0].stockrecords.get()
    with django_capture_on_commit_callbacks() as commit:
        record.price = "529.00"
        record.save()
        visit(url)  # a visitor while the save is not committed stores a page
    for callback in commit:
        callback()

    page = visit(url)

    assert page["X-Page-Cache"] == "miss"
    assert "529,00\xa0NOK" in page.content.decode()


def test_a_page_stored_while_an_order_takes_stock_is_renewed_when_it_commits(
    shop, django_capture_on_commit_callbacks
):
    url = shop.products[0].get_absolute_url()
    record = shop.products[0].stockrecords.get()
    with django_capture_on_commit_callbacks() as commit:
        record.allocate(3)
        visit(url)
    for callback in commit:
        callback()

    assert visit(url)["X-Page-Cache"] == "miss"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a second, concurrent transaction"
)
def test_a_visitor_during_an_uncommitted_price_change_cannot_freeze_the_old_price(
    transactional_db,
):
    """Staff save in one connection; a visitor reads (and caches) the page in
    another before that commits. The next visitor still gets the new price."""
    products_demo.load()
    product = DemoCatalogue().products[0]
    url = product.get_absolute_url()
    saved, visited = threading.Event(), threading.Event()

    def staff_saves_the_price():
        try:
            with transaction.atomic():
                record = StockRecord.objects.get(product=product)
                record.price = "529.00"
                record.save()
                saved.set()
                visited.wait(timeout=30)
        finally:
            connection.close()

    staff = threading.Thread(target=staff_saves_the_price)
    staff.start()
    saved.wait(timeout=30)
    during = visit(url)
    visited.set()
    staff.join(timeout=30)

    assert "549,00\xa0NOK" in during.content.decode()  # not committed yet
    assert "529,00\xa0NOK" in visit(url).content.decode()


# --- Hits are answered like misses ----------------------------------------------

# Headers that describe this one answer, not the page.
PER_RESPONSE_HEADERS = {"X-Page-Cache", "X-Request-ID"}


@pytest.mark.parametrize(
    "url",
    [
        *("/", "/produkter/", "/artikler/"),
        *("/en/", "/en/catalogue/", "/en/articles/"),
        *("/robots.txt", "/sitemap.xml"),
    ],
)
def test_a_hit_sends_every_header_a_miss_sends(shop, url):
    miss = visit(url)
    hit = visit(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")

    def page_headers(response):
        return {
            name: value
            for name, value in response.headers.items()
            if name not in PER_RESPONSE_HEADERS
        }

    assert page_headers(hit) == page_headers(miss)
    assert hit["X-Frame-Options"] == "DENY"


def test_a_stored_page_is_refused_to_a_foreign_host(shop, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    url = shop.products[0].get_absolute_url()
    visit(url)
    assert visit(url)["X-Page-Cache"] == "hit"

    foreign = Client().get(url, HTTP_HOST="attacker.example")

    assert foreign.status_code == 400
    assert "X-Page-Cache" not in foreign


@pytest.mark.parametrize("seconds", [0, 300])
@pytest.mark.parametrize(
    "url",
    [
        *("/handlekurv/", "/kassen/", "/konto/login/", "/konto/register/"),
        *("/en/basket/", "/en/checkout/", "/en/accounts/login/"),
        "/en/accounts/register/",
    ],
)
def test_personal_pages_tell_browsers_and_proxies_not_to_store_them(
    shop, settings, url, seconds
):
    settings.SHOP_PAGE_CACHE_SECONDS = seconds
    client = Client()
    client.post(reverse("basket:add", kwargs={"pk": shop.products[0].pk}))

    cache_control = client.get(url)["Cache-Control"]

    assert {"private", "no-store"} <= {
        part.strip() for part in cache_control.split(",")
    }


@pytest.mark.parametrize("seconds", [0, 300])
def test_every_private_path_is_kept_out_of_caches_and_crawlers(shop, settings, seconds):
    settings.SHOP_PAGE_CACHE_SECONDS = seconds
    robots = Client().get("/robots.txt").content.decode()
    for path in settings.SHOP_PRIVATE_PATHS:
        assert f"Disallow: {path}\n" in robots
        response = visit(path)
        assert "X-Page-Cache" not in response, path
        cache_control = response["Cache-Control"]
        assert {"private", "no-store"} <= {
            part.strip() for part in cache_control.split(",")
        }, path


def test_public_pages_may_be_stored(shop):
    assert "no-store" not in visit("/").get("Cache-Control", "")


def test_each_release_keeps_pages_of_its_own(shop, settings, tmp_path):
    """A page names its release's hashed static files; a server of the next
    release, sharing the cache, must not hand it out."""
    settings.STATIC_ROOT = tmp_path
    url = shop.products[0].get_absolute_url()
    manifest = tmp_path / "staticfiles.json"
    try:
        manifest.write_text('{"paths": {"css/shop.css": "css/shop.1111.css"}}')
        page_cache.release.cache_clear()
        visit(url)
        assert visit(url)["X-Page-Cache"] == "hit"

        manifest.write_text('{"paths": {"css/shop.css": "css/shop.2222.css"}}')
        page_cache.release.cache_clear()
        assert visit(url)["X-Page-Cache"] == "miss"
        assert visit(url)["X-Page-Cache"] == "hit"
    finally:
        page_cache.release.cache_clear()
