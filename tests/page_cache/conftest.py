"""Fixtures for the page cache's tests: the cache on, as production has it
(the test settings turn it off), and a shop with products and articles."""

import pytest

from shop.demo import article_data as articles_demo


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def shop(demo_catalogue):
    articles_demo.load()
    return demo_catalogue
