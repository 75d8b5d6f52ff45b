"""One log line per request, under the request's id (shop/core/request_ids.py).

The line names the route, never the address: addresses carry password-reset
tokens, order numbers and search words, and the query string is never read.
Nor does it name the visitor (no IP address, user or e-mail): the request id
is what ties the line to the others of the same request.

It replaces the app server's own access log (gunicorn's is left off), and
names which app server answered, so a request can be followed through the
load balancer. The load balancer's passing health checks are logged at
DEBUG, below the shop's usual level, so they do not drown the visitors'.
"""

import logging
import time

from django.conf import settings
from django.urls import Resolver404, resolve

from shop.core import request_ids

logger = logging.getLogger("shop.requests")
HEADER = "X-Request-ID"
NO_ROUTE = "-"
# The load balancer asks every second or two; only a failed answer is news.
HEALTH_CHECKS = ("healthz", "readyz")


def request_log_middleware(get_response):
    """First in MIDDLEWARE, so the line has the status every layer below
    settled on (a 503 of the lost-database middleware included) and every
    line logged while answering carries the id."""

    def middleware(request):
        started = time.perf_counter()
        request_id = request_ids.accepted_or_new(request.headers.get(HEADER))
        with request_ids.bound(request_id):
            response = get_response(request)
            response[HEADER] = request_id
            milliseconds = (time.perf_counter() - started) * 1000
            route = route_of(request)
            logger.log(
                level_of(route, response.status_code),
                "%s %s %s %.1fms server=%s",
                request.method,
                route,
                response.status_code,
                milliseconds,
                settings.SHOP_SERVER_NAME,
                extra={
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(milliseconds, 1),
                    "server": settings.SHOP_SERVER_NAME,
                    "request_id": request_id,
                },
            )
        return response

    return middleware


def route_of(request) -> str:
    """The name of the URL pattern that answered ("password-reset-confirm",
    "catalogue:detail"), or the pattern itself where it has no name
    ("basket/add/<int:pk>/"): never the address it matched. Names read the
    same for the Bokmål and the English address.

    A page from the page cache, or a static file, is answered before Django
    resolves the address, so it is resolved here; a pattern is all that is
    kept of it either way."""
    if request.path_info.startswith(settings.STATIC_URL):
        return "(static)"
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return NO_ROUTE
    return (match.view_name if match.url_name else match.route) or NO_ROUTE


def level_of(route, status):
    if route in HEALTH_CHECKS and status == 200:
        return logging.DEBUG
    return logging.INFO
