"""Settings for measuring: production's, reachable over plain HTTP on localhost.

The benchmark and the audit run the shop as production does (DEBUG off,
PostgreSQL, Redis, hashed static files) but without a TLS proxy in front, so
this module, never production's, turns off what needs HTTPS. Its URLconf
(perf/urls.py) adds the benchmark's bare reference page and serves media,
and it installs the demo app that makes the catalogue to measure.
"""

from shop.settings.production import *  # noqa: F403
from shop.settings.production import INSTALLED_APPS, SHOP_PRIVATE_PATHS

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
OSCAR_BASKET_COOKIE_SECURE = False
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = False

ROOT_URLCONF = "perf.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "shop.demo.apps.DemoConfig"]
# The bare reference page measures Django and the server alone: production's
# page cache must never answer it from the cache.
SHOP_PRIVATE_PATHS = (*SHOP_PRIVATE_PATHS, "/__bench__/")
