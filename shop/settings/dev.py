"""Local development: debug on, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env(
    "DJANGO_SECRET_KEY", default="dev-only-insecure-key-never-use-in-production"
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
# Template and code changes show at once while developing; production caches
# public pages for visitors without a session (shop/storefront/page_cache.py).
SHOP_PAGE_CACHE_SECONDS = env.int("SHOP_PAGE_CACHE_SECONDS", default=0)
# Rate limits count in this process's memory here; production shares them
# in Redis (see shop/security/rate_limits.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# The demo catalogue, articles and staff (`manage.py load_demo_data`); no
# deployment installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "shop.demo.apps.DemoConfig"]
