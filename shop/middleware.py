"""Middleware of the project app: basket notices, robots header, dashboard access."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse

from shop import seo, staff
from shop.models import BasketNotice


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
