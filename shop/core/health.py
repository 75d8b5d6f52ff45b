"""What a load balancer asks an app server: is it alive, and can it serve?

``/healthz`` answers "ok" while the process can answer at all; it touches
neither the database nor the cache, so a slow database never makes a
supervisor restart healthy processes. ``/readyz`` answers "ok" only when
the database answers a query and the cache gives back a key it was given;
otherwise 503 with one line saying which, so the load balancer sends
visitors to the other servers until this one is ready again.

Both are routed outside the language prefixes (shop/urls.py), never cached
(SHOP_PRIVATE_PATHS) and exempt from production's HTTPS redirect, since the
load balancer's check speaks plain HTTP to the app server.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

READY_KEY_SECONDS = 30


def _plain(text, status=200):
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


# Not atomic: ATOMIC_REQUESTS would open a connection before the view runs,
# and with the database down that is a 500 rather than this view's 503.
@transaction.non_atomic_requests
@never_cache
def healthz(request):
    return _plain("ok\n")


@transaction.non_atomic_requests
@never_cache
def readyz(request):
    if not database_answers():
        return _plain("database unavailable\n", status=503)
    if not cache_round_trips():
        return _plain("cache unavailable\n", status=503)
    return _plain("ok\n")


def database_answers() -> bool:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Not ready: the database: %s", type(error).__name__)
        # A connection that failed is not kept for the next request.
        connection.close()
        return False
    return True


def cache_round_trips() -> bool:
    """The cache fails open (shop/core/cache.py): a broken Redis raises
    nothing, it just forgets, so only reading back what was written tells."""
    key = f"readyz:{settings.SHOP_SERVER_NAME}"
    token = secrets.token_hex(8)
    cache.set(key, token, READY_KEY_SECONDS)
    if cache.get(key) == token:
        return True
    logger.warning("Not ready: the cache did not give back a key")
    return False
