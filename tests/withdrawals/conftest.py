"""Fixtures for the withdrawal tests: the checkout's shop, and orders placed
through the real checkout."""

import pytest
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model

from tests.checkout.conftest import shop  # noqa: F401 the same shop
from tests.helpers import add_product, checkout_until_review, place_order
from tests.i18n.conftest import bilingual_shop  # noqa: F401 both languages' demo

Order = get_model("order", "Order")


@pytest.fixture
def place(client, shop, django_capture_on_commit_callbacks):  # noqa: F811
    """Place an invoice order through the checkout: ``place(language="en",
    products=(0, 3), email=...)`` returns the order; mail.outbox then holds
    its confirmation and the staff notification."""

    def place_an_order(*, language="en", products=(3,), email="kari@example.no"):
        with translation.override(language):
            for index in products:
                add_product(client, shop.products[index])
            checkout_until_review(client, email=email)
            with django_capture_on_commit_callbacks(execute=True):
                response = place_order(client)
        assert response.status_code == 302, response.content.decode()[:2000]
        return Order.objects.order_by("-pk").first()

    yield place_an_order
    mail.outbox.clear()
