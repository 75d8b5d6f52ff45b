"""Fixtures for money documents: orders placed through the real checkout,
by invoice and by card (paid on the fake Stripe), and PDFs read back."""

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from shop.demo import site_data as shop_demo
from tests.checkout.conftest import card_order, stripe_fake  # noqa: F401
from tests.helpers import add_routine, checkout_until_review, place_order, post_webhook

Order = get_model("order", "Order")


@pytest.fixture
def shop(demo_catalogue):
    shop_demo.load_shipping_methods()
    shop_demo.load_footer_pages()
    return demo_catalogue


@pytest.fixture
def company(settings):
    settings.SHOP_COMPANY = {
        **settings.SHOP_COMPANY,
        "name": "Skinome AS",
        "org_number": "923456789",
        "bank_account": "1503.12.34567",
    }
    return settings.SHOP_COMPANY


def order_by_invoice(client, shop, capture_on_commit_callbacks):
    """The routine ordered by invoice by a guest, its e-mails sent, from the
    pages of the active language."""
    add_routine(client, shop)
    checkout_until_review(client)
    with capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert response.status_code == 302
    return Order.objects.get()


@pytest.fixture
def invoice_order(client, shop, company, django_capture_on_commit_callbacks):
    return order_by_invoice(client, shop, django_capture_on_commit_callbacks)


@pytest.fixture
def bokmaal_invoice_order(client, shop, company, django_capture_on_commit_callbacks):
    """The same, ordered from the Bokmål pages."""
    with translation.override("nb"):
        return order_by_invoice(client, shop, django_capture_on_commit_callbacks)


@pytest.fixture
def paid_card_order(
    card_order,  # noqa: F811
    stripe_fake,  # noqa: F811
    company,
    django_capture_on_commit_callbacks,
):
    """The routine ordered by card and paid on the fake Stripe (webhook)."""
    order, session, _ = card_order
    paid = stripe_fake.complete(session["id"], send_webhook=False)
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_webhook(
            stripe_fake, stripe_fake.event("checkout.session.completed", paid)
        )
    assert answer.status_code == 200
    order.refresh_from_db()
    assert order.status == "Paid"
    return order
