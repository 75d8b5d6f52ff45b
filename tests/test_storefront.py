"""The storefront pages show what a customer needs, in our own markup."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from products.models import Category
from shop.demo import article_data as articles_demo

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def test_home_shows_the_range_the_routine_and_the_guide(client, demo_catalogue):
    articles_demo.load()
    html = client.get(reverse("home")).content.decode()
    for product in demo_catalogue.products:
        assert product.get_absolute_url() in html
    assert demo_catalogue.routine.get_absolute_url() in html
    assert "Read the guide" in html
    assert "/en/articles/skin-during-and-after-isotretinoin/" in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_product_page_has_price_stock_ingredients_usage_and_pictures(
    client, demo_catalogue
):
    product = demo_catalogue.products[0]
    html = client.get(product.get_absolute_url()).content.decode()
    assert f"549,00{NBSP}NOK" in html
    assert "In stock" in html
    assert product.get_ingredients()[0] in html
    assert product.get_usage_steps()[0] in html
    assert 'name="quantity"' in html
    image = product.images.get()
    img = re.search(r"<img [^>]+>", html).group(0)
    assert f'alt="{image.alt_text}"' in img
    assert ".webp 1200w" in img
    assert 'width="800"' in img and 'height="800"' in img


def test_category_page_lists_only_its_products(client, demo_catalogue):
    category = Category.objects.get(slug="cleansers")
    html = client.get(category.get_absolute_url()).content.decode()
    assert "Gentle Cleansing Milk" in html
    assert "Intense Emulsion" not in html


def test_product_lists_show_the_configured_number_per_page(
    client, demo_catalogue, settings
):
    settings.OSCAR_PRODUCTS_PER_PAGE = 2
    pages = -(-len(demo_catalogue.products) // 2)
    first = client.get(reverse("catalogue:index"))
    assert len(first.context["products"]) == 2
    assert first.context["paginator"].num_pages == pages > 1
    assert 'rel="next"' in first.content.decode()


def test_search_box_finds_products_by_name_and_ingredient(client, demo_catalogue):
    page = client.get(reverse("catalogue:index"), {"q": "probiotic"})
    assert [p.title for p in page.context["products"]] == ["Probiotic Concentrate"]
    page = client.get(reverse("catalogue:index"), {"q": "ceramide"})
    assert "Intense Emulsion" in [p.title for p in page.context["products"]]
    assert 'content="noindex, follow"' in page.content.decode()
    assert client.get("/en/search/?q=cream").url == "/en/catalogue/?q=cream"


def test_footer_links_the_pages_staff_edit(client, demo_catalogue):
    from shop.demo import site_data as demo

    demo.load_footer_pages()
    html = client.get(reverse("home")).content.decode()
    for url in ["shipping-and-returns", "terms-of-sale", "privacy", "contact"]:
        assert f'href="/en/pages/{url}/"' in html
        assert client.get(f"/en/pages/{url}/").status_code == 200


def test_unknown_pages_get_the_styled_404(client, db):
    response = client.get("/en/catalogue/no-such-cream_424242/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_the_500_page_renders_without_context_or_database():
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
