"""One price everywhere: what a page shows, what its structured data says,
what link previews say, and what the basket charges are the same amount,
also while a product is on sale."""

import re
from datetime import timedelta
from decimal import Decimal

import extruct
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from shop.core.money import format_price
from shop.demo import article_data as articles_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_language")]


def page(client, url):
    html = client.get(url).content.decode()
    data = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    listing = next(item for item in data if item["@type"] == "Product")
    og_price = re.search(r'property="product:price:amount" content="([^"]+)"', html)
    return html, listing["offers"]["price"], og_price.group(1)


def basket_total(client):
    html = client.get(reverse("basket:summary")).content.decode()
    return re.search(r'id="basket-total">([^<]+)<', html).group(1)


def put_on_sale(product, sale_price):
    record = product.stockrecords.get()
    record.sale_price = Decimal(sale_price)
    record.sale_starts_at = timezone.now() - timedelta(hours=1)
    record.sale_ends_at = timezone.now() + timedelta(days=1)
    record.save()


@pytest.mark.parametrize("on_sale", [False, True], ids=["normal price", "on sale"])
def test_every_product_has_one_price(demo_catalogue, on_sale):
    articles_demo.load()
    if on_sale:
        for product in demo_catalogue.products:
            put_on_sale(product, product.stockrecords.get().price - 50)
    guide = Article.objects.get(slug_en="skin-during-and-after-isotretinoin")
    guide_html = Client().get(guide.get_absolute_url()).content.decode()
    for product in demo_catalogue.products:
        client = Client()
        html, structured, preview = page(client, product.get_absolute_url())
        shown = re.search(r'<span class="price__amount">([^<]+)</span>', html).group(1)

        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})

        record = product.stockrecords.get()
        charged = record.sale_price if on_sale else record.price
        assert structured == preview == str(charged)
        assert shown == format_price(Decimal(structured)) == basket_total(client)
        # its card in the guide
        assert f'<span class="price__amount">{shown}</span>' in guide_html


def test_the_routine_has_one_price(demo_catalogue):
    articles_demo.load()
    routine = demo_catalogue.routine
    client = Client()
    html, structured, preview = page(client, routine.get_absolute_url())
    shown = re.search(r'<p class="price price--large">([^<]+)</p>', html).group(1)

    client.post(reverse("catalogue:routine-add", args=[routine.slug]))

    assert structured == preview == "1467.95"
    assert shown == format_price(Decimal(structured)) == "1.467,95\xa0NOK"
    assert basket_total(client) == shown
    guide = Article.objects.get(slug_en="skin-during-and-after-isotretinoin")
    guide_html = client.get(guide.get_absolute_url()).content.decode()
    assert f'<span class="price">{shown}</span>' in guide_html  # the routine card


def test_a_visitor_with_the_routine_in_the_basket_sees_the_same_prices(
    demo_catalogue, settings, django_capture_on_commit_callbacks
):
    """Their pages come from the page cache with their own header
    (shop/storefront/page_cache.py): the prices are the ones everybody sees,
    and the basket charges them."""
    settings.SHOP_PAGE_CACHE_SECONDS = 300
    routine = demo_catalogue.routine
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("catalogue:routine-add", args=[routine.slug]))
    routine_total = basket_total(client)

    for product in demo_catalogue.products:
        Client().get(product.get_absolute_url())  # stored for everyone
        response = client.get(product.get_absolute_url())
        html, structured, preview = page(client, product.get_absolute_url())
        shown = re.search(r'<span class="price__amount">([^<]+)</span>', html).group(1)
        assert response["X-Page-Cache"] == "hit, header for the visitor"
        assert structured == preview == str(product.stockrecords.get().price)
        assert shown == format_price(Decimal(structured))
    html, structured, preview = page(client, routine.get_absolute_url())
    assert structured == preview == "1467.95"
    assert routine_total == format_price(Decimal(structured)) == "1.467,95\xa0NOK"
    assert "1.467,95\xa0NOK" in html
