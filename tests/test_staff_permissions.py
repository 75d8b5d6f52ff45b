"""Who may change what customers pay: every admin page that touches money,
for every kind of visitor.

Prices, stock, the routine's price and products, offers, vouchers, shipping
and orders belong to shop managers (and superusers). Content editors keep
texts and pictures. Oscar's dashboard is not routed at all. Each row below
is a page; each column what one kind of visitor gets there. A POST row also
says whether the money actually changed in the database.
"""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from shop.commerce.partner.models import StockRecord
from shop.commerce.shipping.models import OrderAndItemCharges
from shop.demo import site_data as shop_demo
from tests.helpers import (
    ROLES,
    admin_form_data,
    client_for,
    make_product,
    make_routine,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")

# What a visitor gets on a page.
LOGIN = "sent to log in"
DENIED = "refused (403)"
OPENS = "opens"
READ_ONLY = "opens without the money fields"
EDITS = "opens with the money fields"


def expect(anonymous, customer, editor, manager, superuser):
    return dict(
        zip(ROLES, (anonymous, customer, editor, manager, superuser), strict=True)
    )


# Money pages for shop managers: admin sends customers to its login.
ADMIN = expect(LOGIN, LOGIN, DENIED, OPENS, OPENS)
SUPERUSERS_ONLY = expect(LOGIN, LOGIN, DENIED, DENIED, OPENS)


class Shop:
    """The objects the pages are about: two products, a routine of both with
    its offer, a shipping method, a voucher and an order. Their texts are in
    Bokmål, which admin requires (English may wait)."""

    def __init__(self):
        with translation.override("nb"):
            self._create()

    def _create(self):
        shop_demo.load_shipping_methods()
        self.product = make_product(title="Mild rens", upc="cleanser")
        self.other_product = make_product(title="Barrierekrem", upc="cream")
        self.third_product = make_product(title="Nattserum", upc="serum")
        self.routine = make_routine(
            products=[self.product, self.other_product], price="150.00"
        )
        self.offer = self.routine.offer
        self.routine_products = self.step_products()
        self.record = self.product.stockrecords.get()
        self.shipping = OrderAndItemCharges.objects.order_by("pk").first()
        self.voucher = oscar_factories.create_voucher(name="Spring", code="SPRING")
        self.order = oscar_factories.create_order(number="100042")

    def price(self):
        return StockRecord.objects.get(pk=self.record.pk).price

    def step_products(self):
        return list(self.routine.steps.values_list("product_id", flat=True))


@pytest.fixture
def shop(db):
    return Shop()


def outcome(response, money_field=None):
    if response.status_code == 302 and "login" in response["Location"]:
        return LOGIN
    if response.status_code == 403:
        return DENIED
    if response.status_code != 200:
        return f"answered {response.status_code}"
    if money_field is None:
        return OPENS
    shown = f'name="{money_field}"' in response.content.decode()
    return EDITS if shown else READ_ONLY


# --- Pages that show money -----------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    url: object  # shop -> address
    expected: dict
    money_field: str | None = None  # an input only money handlers may see

    def __str__(self):
        return self.name


def admin(name, *args):
    return lambda shop: reverse(f"admin:{name}", args=[a(shop) for a in args])


def product_pk(shop):
    return shop.product.pk


def routine_pk(shop):
    return shop.routine.pk


def offer_pk(shop):
    return shop.offer.pk


PAGES = [
    Page(
        "admin product form",
        admin("catalogue_product_change", product_pk),
        expect(LOGIN, LOGIN, READ_ONLY, EDITS, EDITS),
        money_field="stockrecords-0-price",
    ),
    Page(
        "admin product form (discounts)",
        admin("catalogue_product_change", product_pk),
        expect(LOGIN, LOGIN, READ_ONLY, EDITS, EDITS),
        money_field="is_discountable",
    ),
    Page("admin product add", admin("catalogue_product_add"), ADMIN),
    Page(
        "admin product delete",
        admin("catalogue_product_delete", product_pk),
        ADMIN,
    ),
    Page(
        "admin routine form (price)",
        admin("catalogue_routine_change", routine_pk),
        expect(LOGIN, LOGIN, READ_ONLY, EDITS, EDITS),
        money_field="price",
    ),
    Page(
        "admin routine form (products)",
        admin("catalogue_routine_change", routine_pk),
        expect(LOGIN, LOGIN, READ_ONLY, EDITS, EDITS),
        money_field="steps-0-product",
    ),
    Page("admin routine add", admin("catalogue_routine_add"), ADMIN),
    Page(
        "admin routine delete",
        admin("catalogue_routine_delete", routine_pk),
        ADMIN,
    ),
    Page(
        "admin stock record list",
        admin("partner_stockrecord_changelist"),
        ADMIN,
    ),
    Page(
        "admin stock record form",
        admin("partner_stockrecord_change", lambda shop: shop.record.pk),
        ADMIN,
    ),
    Page("admin stock record add", admin("partner_stockrecord_add"), ADMIN),
    Page(
        "admin stock record delete",
        admin("partner_stockrecord_delete", lambda shop: shop.record.pk),
        ADMIN,
    ),
    Page(
        "admin partner form",
        admin("partner_partner_change", lambda shop: shop.record.partner_id),
        ADMIN,
    ),
    Page(
        "admin offer form",
        admin("offer_conditionaloffer_change", offer_pk),
        ADMIN,
    ),
    Page("admin offer add", admin("offer_conditionaloffer_add"), ADMIN),
    Page(
        "admin offer delete",
        admin("offer_conditionaloffer_delete", offer_pk),
        SUPERUSERS_ONLY,
    ),
    Page(
        "admin benefit form",
        admin("offer_benefit_change", lambda shop: shop.offer.benefit_id),
        ADMIN,
    ),
    Page(
        "admin condition form",
        admin("offer_condition_change", lambda shop: shop.offer.condition_id),
        ADMIN,
    ),
    Page(
        "admin range form",
        admin("offer_range_change", lambda shop: shop.offer.condition.range_id),
        ADMIN,
    ),
    Page("admin range add", admin("offer_range_add"), ADMIN),
    Page(
        "admin voucher form",
        admin("voucher_voucher_change", lambda shop: shop.voucher.pk),
        ADMIN,
    ),
    Page("admin voucher add", admin("voucher_voucher_add"), ADMIN),
    Page(
        "admin voucher delete",
        admin("voucher_voucher_delete", lambda shop: shop.voucher.pk),
        ADMIN,
    ),
    Page(
        "admin shipping method form",
        admin("shipping_orderanditemcharges_change", lambda shop: shop.shipping.pk),
        ADMIN,
    ),
    Page(
        "admin shipping method add",
        admin("shipping_orderanditemcharges_add"),
        ADMIN,
    ),
    Page(
        "admin shipping method delete",
        admin("shipping_orderanditemcharges_delete", lambda shop: shop.shipping.pk),
        ADMIN,
    ),
    Page(
        "admin order form",
        admin("order_order_change", lambda shop: shop.order.pk),
        ADMIN,
    ),
    Page(
        "admin packing slip",
        lambda shop: reverse("admin-packing-slip", args=[shop.order.pk]),
        ADMIN,
    ),
]


# Not called "page": that is Playwright's fixture, and would pull it in.
@pytest.mark.parametrize("money_page", PAGES, ids=str)
def test_who_may_open_each_money_page(shop, accounts, money_page):
    url = money_page.url(shop)
    outcomes = {
        role: outcome(client_for(user).get(url), money_page.money_field)
        for role, user in accounts.items()
    }
    assert outcomes == money_page.expected


# --- Changes to money ----------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A POST that would change what customers pay, and how to tell it did."""

    name: str
    url: object  # shop -> address
    data: object  # (shop, superuser client) -> POST data
    changed: object  # shop -> bool
    changers: tuple = ("manager", "superuser")

    def __str__(self):
        return self.name


def as_superuser_sees(client, url):
    """What the form holds when a superuser opens it: the editor's hand-made
    POST starts from a complete, valid form."""
    response = client.get(url)
    assert response.status_code == 200
    return response


def product_price_data(shop, superuser):
    url = reverse("admin:catalogue_product_change", args=[shop.product.pk])
    data = admin_form_data(as_superuser_sees(superuser, url))
    data["stockrecords-0-price"] = "1.00"
    data.pop("is_discountable")  # and switch the routine discount off
    return data


def product_price_changed(shop):
    shop.product.refresh_from_db()
    return shop.price() == Decimal("1.00") or not shop.product.is_discountable


def routine_data(shop, superuser):
    url = reverse("admin:catalogue_routine_change", args=[shop.routine.pk])
    data = admin_form_data(as_superuser_sees(superuser, url))
    data["price"] = "1.00"
    data["steps-0-product"] = str(shop.third_product.pk)
    data.pop("is_public", None)  # hiding the routine suspends its offer
    return data


def routine_changed(shop):
    routine = type(shop.routine).objects.get(pk=shop.routine.pk)
    routine.offer.benefit.refresh_from_db()
    return (
        routine.price == Decimal("1.00")
        or routine.offer.benefit.value == Decimal("1.00")
        or shop.step_products() != shop.routine_products
        or not routine.is_public
    )


def stockrecord_data(shop, superuser):
    url = reverse("admin:partner_stockrecord_change", args=[shop.record.pk])
    data = admin_form_data(as_superuser_sees(superuser, url))
    data["price"] = "1.00"
    return data


def shipping_data(shop, superuser):
    url = reverse("admin:shipping_orderanditemcharges_change", args=[shop.shipping.pk])
    data = admin_form_data(as_superuser_sees(superuser, url))
    data["price_per_order"] = "0.01"
    return data


def shipping_changed(shop):
    shop.shipping.refresh_from_db()
    return shop.shipping.price_per_order == Decimal("0.01")


def benefit_data(shop, superuser):
    url = reverse("admin:offer_benefit_change", args=[shop.offer.benefit_id])
    data = admin_form_data(as_superuser_sees(superuser, url))
    data["value"] = "1.00"
    return data


def benefit_changed(shop):
    shop.offer.benefit.refresh_from_db()
    return shop.offer.benefit.value == Decimal("1.00")


def voucher_add_data(shop, superuser):
    return {
        "name": "Everything free",
        "code": "FREE",
        "usage": "Multi-use",
        "start_datetime_0": "2020-01-01",
        "start_datetime_1": "00:00:00",
        "end_datetime_0": "2099-01-01",
        "end_datetime_1": "00:00:00",
        "offers": [str(shop.voucher.offers.get().pk)],
    }


def voucher_added(shop):
    return Voucher.objects.filter(code="FREE").exists()


def order_paid(shop):
    return Order.objects.get(pk=shop.order.pk).status == "Paid"


CHANGES = [
    Change(
        "admin product form: price and discounts",
        admin("catalogue_product_change", product_pk),
        product_price_data,
        product_price_changed,
    ),
    Change(
        "admin routine form: price, products and visibility",
        admin("catalogue_routine_change", routine_pk),
        routine_data,
        routine_changed,
    ),
    Change(
        "admin stock record form: price",
        admin("partner_stockrecord_change", lambda shop: shop.record.pk),
        stockrecord_data,
        lambda shop: shop.price() == Decimal("1.00"),
    ),
    Change(
        "admin stock record delete",
        admin("partner_stockrecord_delete", lambda shop: shop.record.pk),
        lambda shop, superuser: {"post": "yes"},
        lambda shop: not StockRecord.objects.filter(pk=shop.record.pk).exists(),
    ),
    Change(
        "admin shipping method form: price",
        admin("shipping_orderanditemcharges_change", lambda shop: shop.shipping.pk),
        shipping_data,
        shipping_changed,
    ),
    Change(
        "admin benefit form: the routine's fixed price",
        admin("offer_benefit_change", lambda shop: shop.offer.benefit_id),
        benefit_data,
        benefit_changed,
    ),
    Change(
        "admin voucher add",
        admin("voucher_voucher_add"),
        voucher_add_data,
        voucher_added,
    ),
    Change(
        "admin order: mark paid",
        admin("order_order_mark_paid", lambda shop: shop.order.pk),
        lambda shop, superuser: {"reference": "Bank"},
        order_paid,
    ),
    Change(
        "admin order list: mark paid",
        admin("order_order_changelist"),
        lambda shop, superuser: {
            "action": "mark_paid_selected",
            "_selected_action": [shop.order.pk],
        },
        order_paid,
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("change", CHANGES, ids=str)
def test_only_shop_managers_change_what_customers_pay(shop, accounts, change, role):
    data = change.data(shop, client_for(accounts["superuser"]))

    response = client_for(accounts[role]).post(change.url(shop), data)

    assert change.changed(shop) is (role in change.changers), form_errors(response)


def form_errors(response):
    """Why a POST changed nothing, for the failure message."""
    context = response.context or {}
    forms = [context.get("form"), getattr(context.get("adminform"), "form", None)]
    # A ContextList iterates over its contexts; its keys are the names.
    names = context.keys()
    forms += [context[name] for name in names if hasattr(context[name], "forms")]
    # Admin's inlines wrap their formsets.
    forms += [inline.formset for inline in context.get("inline_admin_formsets", [])]
    forms = [form for form in forms if hasattr(form, "errors")]
    errors = [f.errors for f in forms if f is not None and f.errors]
    errors += [f.non_form_errors() for f in forms if hasattr(f, "non_form_errors")]
    return response.status_code, errors


# --- Oscar's dashboard ------------------------------------------------------------


@pytest.mark.parametrize(
    "address", ["/dashboard/", "/dashboard/login/", "/dashboard/orders/"]
)
def test_oscars_dashboard_is_gone_for_everyone(accounts, address):
    """Every staff task is in Django admin; the dashboard is not routed."""
    for user in accounts.values():
        assert client_for(user).get(address).status_code == 404
