"""Vipps on, against a local fake of Vipps' APIs over real HTTP."""

import pytest

from tests.fake_vipps import FakeVipps


@pytest.fixture
def vipps_fake(settings):
    """The shop's Vipps settings pointed at a fresh fake (its keys, its
    webhook secret, a one-second timeout so a hang is quick to notice)."""
    with FakeVipps() as fake:
        fake.point_at_me(settings)
        settings.VIPPS_TIMEOUT_SECONDS = 1
        yield fake


@pytest.fixture
def shop(demo_catalogue):
    """The demo shop with its shipping methods and footer pages."""
    from shop.demo import site_data

    site_data.load_shipping_methods()
    site_data.load_footer_pages()
    return demo_catalogue


@pytest.fixture
def vipps_order(client, shop, vipps_fake, django_capture_on_commit_callbacks):
    """The routine ordered with Vipps by a guest, now sent to Vipps:
    (order, the payment's reference, the response)."""
    from tests.payments.vipps_orders import order_with_vipps

    with django_capture_on_commit_callbacks(execute=True):
        return order_with_vipps(client, shop)
