"""Lost database connections: pages answered again, a clear 503 otherwise.

The receiver is connected by the project app (shop/apps.py).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

LOST_CONNECTION = (OperationalError, InterfaceError)
SAFE_METHODS = ("GET", "HEAD")


def database_connection_lost_middleware(get_response):
    """A request whose database connection was lost (a restart, a failover)
    gets no bare 500. First in MIDDLEWARE, so it sees what every layer
    below it did.

    A page (GET or HEAD) is answered once more on a fresh connection, which
    is safe because reading changes nothing. Anything else, or a second
    loss, is answered with 503 "nothing was saved, please try again": true,
    because the request's transaction was rolled back (ATOMIC_REQUESTS), so
    trying again cannot place an order twice."""

    def middleware(request):
        request.database_connection_lost = False
        response = get_response(request)
        if request.database_connection_lost and request.method in SAFE_METHODS:
            logger.warning("Database connection lost; %s answered again", request.path)
            request.database_connection_lost = False
            close_connections()
            response = get_response(request)
        if request.database_connection_lost:
            close_connections()
            return database_unavailable()
        return response

    return middleware


def note_lost_connection(sender, request=None, **kwargs):
    """Receiver of got_request_exception: Django turns the error into a 500
    inside the layer that raised it, so this note is how the middleware
    above learns why."""
    if request is not None and isinstance(sys.exc_info()[1], LOST_CONNECTION):
        request.database_connection_lost = True


def close_connections():
    for connection in connections.all(initialized_only=True):
        connection.close()


def database_unavailable():
    """Our own page, rendered without the database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "5"
    return response
