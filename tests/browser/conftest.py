"""The shop the browser tests walk through: the demo catalogue, the guide,
shipping methods and footer pages, served by pytest-django's live server."""

import pytest

from shop.demo import article_data, catalogue_data, site_data


@pytest.fixture
def shop_url(live_server, transactional_db, demo_pictures):
    catalogue_data.load()
    article_data.load()
    site_data.load_shipping_methods()
    site_data.load_footer_pages()
    return live_server.url
