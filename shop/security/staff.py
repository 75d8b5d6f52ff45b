"""The two staff roles, their least-privilege permissions, and who handles money.

Content editors write: product texts and images, categories, footer pages and
articles. Shop managers sell: prices and stock, routines and offers, orders.
Neither can manage users or groups; that stays with superusers.

Whether someone may change what customers pay, or handle orders, is decided
here, once, from a permission (never from a username or a group's name):
admin forms ask `may_change_prices`, the order pages `may_handle_orders`.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

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
        "partner.pricechange": ("view",),
        "partner.stockalert": ("view", "change"),
        "offer.conditionaloffer": EDIT,
        "offer.range": EDIT,
        "offer.rangeproduct": ALL,
        "offer.condition": EDIT,
        "offer.benefit": EDIT,
        "voucher.*": ALL,
        "order.*": ("view", "change"),
        # Notes are how staff tell each other about an order.
        "order.ordernote": EDIT,
        "withdrawals.*": ("view",),
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


# Handling orders (their page, the status steps, the packing slip): the
# permission only shop managers (and superusers) hold.
ORDERS_PERMISSION = "order.change_order"


def may_handle_orders(user):
    """Shop managers and superusers: orders, their payment and their parcel."""
    return user.is_active and user.is_staff and user.has_perm(ORDERS_PERMISSION)
