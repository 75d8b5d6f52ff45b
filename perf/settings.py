"""Settings for measuring: production's, reachable over plain HTTP on localhost.

The benchmark and the audit run the shop as production does (DEBUG off,
PostgreSQL, Redis, hashed static files) but without a TLS proxy in front, so
this module, never production's, turns off what needs HTTPS. It also serves
media from the app and routes the bare reference page of the benchmark.
"""

from shop.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
OSCAR_BASKET_COOKIE_SECURE = False
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = False

SHOP_SERVE_MEDIA = True
SHOP_BENCH_VIEWS = True
