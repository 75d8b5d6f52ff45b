"""The admin's index shows each group its work in task order, and none of
Oscar's internals (shop/admin_site.py, shop/admin.py)."""

import pytest
from django.urls import reverse

from tests.helpers import client_for

pytestmark = pytest.mark.django_db

# Models staff never work with: counters, basket and wish-list rows, the
# parts an order is made of, e-mail records the outbox replaces.
OSCAR_INTERNALS = (
    "analytics_",
    "basket_line",
    "catalogue_productattributevalue",
    "communication_",
    "order_line",
    "order_communicationevent",
    "order_paymentevent",
    "payment_",
    "voucher_voucherapplication",
    "wishlists_",
    "reviews_",
)


def index_of(client):
    """(section, [model list addresses]) as the index shows them."""
    app_list = client.get(reverse("admin:index")).context["app_list"]
    return [(app["name"], [m["admin_url"] for m in app["models"]]) for app in app_list]


def sections(index):
    return [name for name, _ in index]


def names_in(index):
    return " ".join(url for _, urls in index for url in urls)


def test_a_content_editor_sees_the_catalogue_then_content(accounts):
    index = index_of(client_for(accounts["editor"]))

    assert sections(index) == ["Catalogue and prices", "Content"]
    catalogue, content = (urls for _, urls in index)
    assert catalogue == [
        reverse("admin:catalogue_product_changelist"),
        reverse("admin:catalogue_category_changelist"),
        reverse("admin:catalogue_routine_changelist"),
    ]
    assert content == [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_author_changelist"),
        reverse("admin:articles_topic_changelist"),
        reverse("admin:flatpages_flatpage_changelist"),
    ]


def test_a_shop_manager_sees_orders_first_then_the_catalogue_and_prices(accounts):
    index = index_of(client_for(accounts["manager"]))

    assert sections(index) == ["Orders", "Catalogue and prices"]
    orders, catalogue = (urls for _, urls in index)
    assert orders[0] == reverse("admin:order_order_changelist")
    assert reverse("admin:outbox_outgoingemail_changelist") in orders
    assert catalogue[:4] == [
        reverse("admin:catalogue_product_changelist"),
        reverse("admin:catalogue_category_changelist"),
        reverse("admin:catalogue_routine_changelist"),
        reverse("admin:partner_stockrecord_changelist"),
    ]
    for money_page in ("offer/conditionaloffer", "voucher/voucher", "shipping/"):
        assert f"/admin/{money_page}" in " ".join(catalogue)


@pytest.mark.parametrize("role", ["editor", "manager", "superuser"])
def test_no_one_sees_oscars_internals(accounts, role):
    shown = names_in(index_of(client_for(accounts[role])))
    for internal in OSCAR_INTERNALS:
        assert f"/{internal.replace('_', '/', 1)}" not in shown, internal


def test_a_superuser_sees_the_three_sections_then_everything_else(accounts):
    index = index_of(client_for(accounts["superuser"]))

    assert sections(index)[:3] == ["Orders", "Catalogue and prices", "Content"]
    rest = names_in(index[3:])
    for model in ("auth/user", "auth/group", "sites/site", "offer/benefit"):
        assert f"/admin/{model}/" in rest


def test_the_sidebar_follows_the_same_order(accounts):
    page = client_for(accounts["manager"]).get(reverse("admin:order_order_changelist"))
    assert [app["name"] for app in page.context["available_apps"]] == [
        "Orders",
        "Catalogue and prices",
    ]
