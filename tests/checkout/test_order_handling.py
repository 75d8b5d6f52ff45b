"""Staff handle orders in Oscar's dashboard: paid, shipped, cancelled."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from oscar.core.loading import get_model

from shop.security.staff import SHOP_MANAGERS
from tests.helpers import add_routine, checkout_until_review, place_order

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def invoice_order(client, shop):
    add_routine(client, shop)
    checkout_until_review(client)
    place_order(client)
    return Order.objects.get()


def change_status(client, order, new_status):
    return client.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        {"order_action": "change_order_status", "new_status": new_status},
        follow=True,
    )


def stock(product):
    record = product.stockrecords.get()
    return record.num_in_stock, record.num_allocated or 0


def test_staff_mark_an_invoice_paid_then_shipped_with_an_audit_trail(
    client, shop, invoice_order, staff_user
):
    before = [stock(product) for product in shop.products]
    client.force_login(staff_user)

    change_status(client, invoice_order, "Paid")
    change_status(client, invoice_order, "Shipped")

    invoice_order.refresh_from_db()
    assert invoice_order.status == "Shipped"
    assert [c.new_status for c in invoice_order.status_changes.order_by("pk")] == [
        "Paid",
        "Shipped",
    ]
    notes = [note.message for note in invoice_order.notes.filter(user=staff_user)]
    assert "Order status changed from 'Awaiting payment' to 'Paid'" in notes
    # Shipping takes the units out of stock and ends their allocation.
    for product, (in_stock, allocated) in zip(shop.products, before, strict=True):
        assert stock(product) == (in_stock - 1, allocated - 1)
    assert {line.status for line in invoice_order.lines.all()} == {"Shipped"}


def test_cancelling_an_order_gives_its_stock_back(
    client, shop, invoice_order, staff_user
):
    before = [stock(product) for product in shop.products]
    client.force_login(staff_user)

    change_status(client, invoice_order, "Cancelled")

    invoice_order.refresh_from_db()
    assert invoice_order.status == "Cancelled"
    for product, (in_stock, allocated) in zip(shop.products, before, strict=True):
        assert allocated == 1
        assert stock(product) == (in_stock, 0)


def test_an_order_cannot_skip_payment_to_shipped(client, invoice_order, staff_user):
    client.force_login(staff_user)
    response = change_status(client, invoice_order, "Shipped")
    assert "Invalid form submission" in response.content.decode()
    invoice_order.refresh_from_db()
    assert invoice_order.status == "Awaiting payment"


def test_shop_managers_can_open_orders_in_the_dashboard(client, invoice_order):
    manager = get_user_model().objects.create_user(
        username="manager", email="manager@skinome.example", is_staff=True
    )
    manager.groups.add(Group.objects.get(name=SHOP_MANAGERS))
    client.force_login(manager)
    page = client.get(
        reverse("dashboard:order-detail", kwargs={"number": invoice_order.number})
    )
    assert page.status_code == 200
