"""The two staff roles, their least-privilege permissions, and who handles money.

Content editors write: product texts and images, categories, footer pages and
articles. Shop managers sell: prices and stock, routines and offers, orders.
Neither can manage users or groups; that stays with superusers.

Whether someone may change what customers pay is decided here, once, from a
permission (never from a username or a group's name): admin forms and the
dashboard ask `may_change_prices` and `may_use_dashboard`.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse

CONTENT_EDITORS = "Content editors"
SHOP_MANAGERS = "Shop managers"

ALL = ("view", "add", "change", "delete")
EDIT = ("view", "add", "change")

GROUP_PERMISSIONS = {
    CONTENT_EDITORS: {
        "catalogue.product": ("view", "change"),
        "catalogue.productimage": ALL,
        "catalogue.category": EDIT,
        "catalogue.productcategory": ALL,
        "catalogue.routine": ("view", "change"),
        "catalogue.routinestep": ("view", "change"),
        "flatpages.flatpage": ALL,
        "articles.*": ALL,
    },
    SHOP_MANAGERS: {
        "catalogue.product": ALL,
        "catalogue.productclass": ("view",),
        "catalogue.productcategory": ALL,
        "catalogue.productimage": ("view",),
        "catalogue.category": ("view",),
        "catalogue.routine": ALL,
        "catalogue.routinestep": ALL,
        "partner.partner": ("view",),
        "partner.stockrecord": ALL,
        "partner.stockalert": ("view", "change"),
        "offer.conditionaloffer": EDIT,
        "offer.range": EDIT,
        "offer.rangeproduct": ALL,
        "offer.condition": EDIT,
        "offer.benefit": EDIT,
        "voucher.*": ALL,
        "order.*": ("view", "change"),
        "shipping.*": ALL,
        "outbox.outgoingemail": ("view",),
        # Invoices, receipts and credit notes: looked up, never edited.
        "documents.*": ("view",),
        # Customer service: lift a customer's sign-in pause (django-axes).
        "axes.accessattempt": ("view", "delete"),
    },
}


def _permission_filter(spec):
    query = Q(pk__in=[])
    for target, actions in spec.items():
        app_label, model = target.split(".")
        codenames = [f"{action}_{model}" for action in actions]
        if model == "*":
            query |= Q(content_type__app_label=app_label) & Q(
                codename__regex=rf"^({'|'.join(actions)})_"
            )
        else:
            query |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=codenames,
            )
    return query


def ensure_groups():
    """Create or update both groups so they hold exactly their permissions."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for name, spec in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(_permission_filter(spec)))


# Prices live on stock records; whoever may change those may change everything
# else customers pay for (the routine's price and products, offers, vouchers,
# shipping), and superusers hold every permission.
PRICES_PERMISSION = "partner.change_stockrecord"


def may_change_prices(user):
    """Shop managers and superusers: prices, stock, the routine's price and
    products, whether a product takes part in offers."""
    return user.is_active and user.is_staff and user.has_perm(PRICES_PERMISSION)


def may_use_dashboard(user):
    """Oscar's dashboard edits prices, stock, offers, vouchers, shipping and
    orders, and lets any staff member in; ours is for money handlers only.
    Editors work in Django admin."""
    return may_change_prices(user)


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
        if may_use_dashboard(request.user):
            return None
        return render(request, "shop/dashboard_forbidden.html", status=403)
