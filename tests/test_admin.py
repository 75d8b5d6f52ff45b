"""Django admin: every page opens for staff, none for customers; bad data refused."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from shop.commerce.partner.models import StockRecord
from shop.security import staff
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)


# Records only the shop writes; admin shows them but cannot add any.
WRITTEN_BY_THE_SHOP = {
    ("outbox", "outgoingemail"),
    ("axes", "accessattempt"),
    ("order", "order"),  # placed at the checkout
    ("withdrawals", "withdrawal"),
    ("partner", "pricechange"),
    ("documents", "salesdocument"),
    ("documents", "documentsequence"),
}


def admin_urls(app_label, model_name, obj=None):
    urls = [
        reverse(f"admin:{app_label}_{model_name}_changelist"),
        reverse(f"admin:{app_label}_{model_name}_add"),
    ]
    if obj is not None:
        urls.append(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
    return urls


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_every_admin_page_opens_for_staff(
    admin_client, demo_catalogue, app_label, model_name
):
    model = next(
        m
        for m in admin.site._registry
        if (m._meta.app_label, m._meta.model_name) == (app_label, model_name)
    )
    for url in admin_urls(app_label, model_name, model._default_manager.first()):
        response = admin_client.get(url)
        if url.endswith("/add/") and (app_label, model_name) in WRITTEN_BY_THE_SHOP:
            assert response.status_code == 403, url
        else:
            assert response.status_code == 200, url


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_no_admin_page_opens_for_a_customer(client, customer, app_label, model_name):
    client.force_login(customer)
    for url in admin_urls(app_label, model_name):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url


def post_product(admin_client, product, **changes):
    """The product form as the page shows it, with ``changes``. Its pictures'
    inline is left out: these tests are about the product's own fields and
    its stock record."""
    url = reverse("admin:catalogue_product_change", args=[product.pk])
    data = admin_form_data(admin_client.get(url))
    data.update({"images-TOTAL_FORMS": 0, "images-INITIAL_FORMS": 0})
    return admin_client.post(url, {**data, **changes})


def test_staff_change_a_price_and_stock_in_the_product_form(
    admin_client, demo_catalogue
):
    product = demo_catalogue.products[0]
    response = post_product(
        admin_client,
        product,
        **{"stockrecords-0-price": "599.00", "stockrecords-0-num_in_stock": 7},
    )
    assert response.status_code == 302
    record = StockRecord.objects.get(product=product)
    assert (str(record.price), record.num_in_stock) == ("599.00", 7)


@pytest.mark.parametrize("price", ["0", "0.00", "-10"])
def test_admin_rejects_a_price_of_zero_or_below(admin_client, demo_catalogue, price):
    product = demo_catalogue.products[0]
    before = product.stockrecords.get().price
    response = post_product(admin_client, product, **{"stockrecords-0-price": price})
    assert response.status_code == 200
    assert "Enter a price above zero." in response.content.decode()
    assert product.stockrecords.get().price == before


def test_admin_rejects_a_product_without_a_name(admin_client, demo_catalogue):
    """A name in Bokmål, the main language, is required; English may wait."""
    product = demo_catalogue.products[0]
    response = post_product(admin_client, product, title_nb="   ", title_en="Cream")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_nb"]
    product.refresh_from_db()
    assert product.title_nb


def test_stock_record_admin_also_rejects_a_zero_price(admin_client, demo_catalogue):
    record = demo_catalogue.products[0].stockrecords.get()
    response = admin_client.post(
        reverse("admin:partner_stockrecord_change", args=[record.pk]),
        {
            "product": record.product_id,
            "partner": record.partner_id,
            "partner_sku": record.partner_sku,
            "price_currency": "NOK",
            "price": "0",
            "num_in_stock": 5,
        },
    )
    assert response.status_code == 200
    assert "Enter a price above zero." in response.content.decode()


def login_as_member(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(
        username=group_name.lower().replace(" ", "-"), password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def test_content_editors_edit_texts_but_not_prices_or_orders(
    client, django_user_model, demo_catalogue
):
    login_as_member(client, django_user_model, staff.CONTENT_EDITORS)
    product = demo_catalogue.products[0]
    assert client.get(reverse("admin:flatpages_flatpage_add")).status_code == 200
    page = client.get(reverse("admin:catalogue_product_change", args=[product.pk]))
    assert page.status_code == 200
    assert "stockrecords-TOTAL_FORMS" not in page.content.decode()
    assert (
        client.get(reverse("admin:partner_stockrecord_changelist")).status_code == 403
    )
    assert client.get(reverse("admin:order_order_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_shop_managers_handle_prices_offers_and_orders_but_not_pages(
    client, django_user_model, demo_catalogue
):
    login_as_member(client, django_user_model, staff.SHOP_MANAGERS)
    for name in [
        "partner_stockrecord_changelist",
        "offer_conditionaloffer_changelist",
        "order_order_changelist",
        "catalogue_routine_changelist",
    ]:
        assert client.get(reverse(f"admin:{name}")).status_code == 200, name
    assert client.get(reverse("admin:flatpages_flatpage_add")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
