"""A customer who deletes their account (or whom staff delete) leaves orders
that still carry their e-mail, so staff can reach them about an unpaid one."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.test.factories import create_order

from shop.commerce.statuses import OrderStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def unpaid_order(customer):
    return create_order(user=customer, status=OrderStatus.AWAITING_PAYMENT)


def test_a_customer_deleting_their_account_leaves_the_e_mail_on_the_order(
    client, customer, unpaid_order
):
    client.force_login(customer)
    response = client.post(
        reverse("customer:profile-delete"), {"password": "kari-password"}
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=customer.pk).exists()

    unpaid_order.refresh_from_db()
    assert unpaid_order.user is None
    assert unpaid_order.email == "kari@example.no"


def test_staff_deleting_a_customer_in_admin_leaves_the_e_mail_on_the_order(
    client, staff_user, customer, unpaid_order
):
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:auth_user_delete", args=[customer.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=customer.pk).exists()

    unpaid_order.refresh_from_db()
    assert unpaid_order.email == "kari@example.no"
    page = client.get(reverse("admin:order_order_change", args=[unpaid_order.pk]))
    assert "kari@example.no" in page.content.decode()


def test_a_guest_order_keeps_its_own_e_mail_when_an_account_is_deleted(customer):
    guest_order = create_order(
        guest_email="ola@example.no", status=OrderStatus.AWAITING_PAYMENT
    )
    customer.delete()
    guest_order.refresh_from_db()
    assert guest_order.email == "ola@example.no"
