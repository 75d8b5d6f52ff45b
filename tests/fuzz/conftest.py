"""Hypothesis settings and the shop the fuzz tests run against.

The "shop" profile is derandomised (the same examples on every run, so CI is
reproducible) and bounded; HYPOTHESIS_PROFILE=thorough tries many more and
shrinks what fails to a minimal example.
"""

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

from shop.demo import article_data as articles_demo
from shop.demo import site_data as shop_demo

PROFILE = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "print_blob": True,
    # One client and one database transaction serve every example of a test:
    # state left by one example (a basket, a session) is input for the next.
    "suppress_health_check": [HealthCheck.function_scoped_fixture],
}
# Shrinking a failure costs minutes of requests; the failing example is
# printed either way, and the thorough profile shrinks it.
settings.register_profile(
    "shop", max_examples=30, phases=[Phase.explicit, Phase.generate], **PROFILE
)
settings.register_profile("thorough", max_examples=1000, **PROFILE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "shop"))


@pytest.fixture
def full_shop(demo_catalogue):
    """Products, the routine, articles, footer pages and shipping methods."""
    articles_demo.load()
    shop_demo.load_footer_pages()
    shop_demo.load_shipping_methods()
    return demo_catalogue
