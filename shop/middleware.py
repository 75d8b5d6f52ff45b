"""Middleware of the project app."""

import logging

from django.contrib import messages
from django.db import (
    InterfaceError,
    OperationalError,
    connections,
    transaction,
)
from django.http import HttpResponse
from django.template.loader import render_to_string

from shop import seo
from shop.models import BasketNotice

logger = logging.getLogger(__name__)


def basket_notice_middleware(get_response):
    """Turn pending basket notices into one-off messages for the visitor."""

    def middleware(request):
        basket = request.basket
        if basket.id:
            notices = list(BasketNotice.objects.filter(basket_id=basket.id))
            for notice in notices:
                messages.warning(request, notice.message)
            if notices:
                BasketNotice.objects.filter(pk__in=[n.pk for n in notices]).delete()
        return get_response(request)

    return middleware


def robots_header_middleware(get_response):
    """``X-Robots-Tag: noindex`` on search, basket, checkout and account pages,
    including Oscar's own templates, which have no robots meta tag of ours."""

    def middleware(request):
        response = get_response(request)
        if seo.is_noindex(request):
            response["X-Robots-Tag"] = "noindex"
        return response

    return middleware


class DatabaseConnectionLostMiddleware:
    """A request whose database connection was lost (a restart, a failover)
    gets no bare 500.

    A page (GET or HEAD) is rendered once more on a fresh connection, which
    is safe because reading changes nothing. Anything else, or a second
    loss, is answered with 503 "nothing was saved, please try again": true,
    because the request's transaction was rolled back (ATOMIC_REQUESTS), so
    trying again cannot place an order twice."""

    lost = (OperationalError, InterfaceError)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, self.lost):
            return None
        # The first line only: the rest quotes the SQL, with what was typed.
        logger.warning(
            "Database connection lost during %s %s: %s: %s",
            request.method,
            request.path,
            type(exception).__name__,
            str(exception).split("\n", 1)[0],
        )
        close_connections()
        if request.method in ("GET", "HEAD"):
            try:
                return render_again(request)
            except self.lost as again:
                logger.warning("Database still unreachable: %s", type(again).__name__)
                close_connections()
        return database_unavailable()


def close_connections():
    for connection in connections.all(initialized_only=True):
        connection.close()


def render_again(request):
    """The view once more, in a transaction as ATOMIC_REQUESTS would."""
    match = request.resolver_match
    view = match.func
    if connections["default"].settings_dict["ATOMIC_REQUESTS"]:
        view = transaction.atomic(view)
    response = view(request, *match.args, **match.kwargs)
    if callable(getattr(response, "render", None)):
        response = response.render()
    return response


def database_unavailable():
    """Our own page, rendered without the database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "5"
    return response
