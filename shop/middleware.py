"""Middleware of the project app: basket notices, robots header, dashboard
access, and lost database connections."""

import logging
import sys

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from shop import seo, staff
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


class DashboardAccessMiddleware:
    """Oscar's dashboard, every address of it, for shop managers and superusers.

    Oscar checks each dashboard view against its own permission map, which
    lets any staff member into some views (its home, the product list) and lets
    content editors reach others through permissions meant for admin. One rule
    in front of all of them is easier to trust: a signed-in account that may
    not change prices is refused, and a visitor is sent to the dashboard's
    sign-in page. Only that page and signing out stay open.
    """

    OPEN_VIEWS = ("dashboard:login", "dashboard:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if "dashboard" not in match.namespaces or match.view_name in self.OPEN_VIEWS:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), reverse("dashboard:login")
            )
        if staff.may_use_dashboard(request.user):
            return None
        return render(request, "shop/dashboard_forbidden.html", status=403)


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


got_request_exception.connect(
    note_lost_connection, dispatch_uid="shop.note_lost_database_connection"
)


def close_connections():
    for connection in connections.all(initialized_only=True):
        connection.close()


def database_unavailable():
    """Our own page, rendered without the database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "5"
    return response
