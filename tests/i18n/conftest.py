"""Fixtures of the language tests: the whole demo shop, in both languages."""

import pytest

from shop.demo import article_data as articles_demo
from shop.demo import site_data as shop_demo

SITE = "https://shop.skinome.no"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SHOP_SITE_URL = SITE


@pytest.fixture
def bilingual_shop(demo_catalogue):
    """The demo shop as `load_demo_data` makes it: catalogue, routine,
    articles, footer pages and shipping methods, each in Bokmål and English."""
    articles_demo.load()
    shop_demo.load_footer_pages()
    shop_demo.load_shipping_methods()
    return demo_catalogue
