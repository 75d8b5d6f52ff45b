"""The admin's index and sidebar: staff's work in task order, in one table.

Django lists admin by app in alphabetical order, which puts Oscar's apps
(address, analytics, basket, ...) before anything staff do. ``SECTIONS`` is
the one list of what staff work with, in the order of their day: orders
first, then the catalogue and its prices, then the texts. Each staff member
sees the entries their permissions open (a content editor has no orders and
no prices, a shop manager no articles); superusers see, after them, every
other registered model, by app. Entries of apps that are not installed are
skipped. Models no one works with are unregistered in their app's admin (or
in shop/admin.py for Oscar's).
"""

from django.contrib import admin
from django.utils.text import slugify

# Section → ("app_label.model_name", name shown, or None for the model's own).
SECTIONS = (
    (
        "Orders",
        (
            ("order.order", None),
            ("withdrawals.withdrawal", None),
            ("documents.salesdocument", "Money documents"),
            ("outbox.outgoingemail", "Outgoing e-mails"),
            ("axes.accessattempt", "Sign-in pauses"),
        ),
    ),
    (
        "Catalogue and prices",
        (
            ("catalogue.product", None),
            ("catalogue.category", None),
            ("catalogue.routine", None),
            ("partner.stockrecord", "Prices and stock"),
            ("offer.conditionaloffer", "Offers"),
            ("offer.range", "Product ranges"),
            ("voucher.voucher", "Vouchers"),
            ("shipping.orderanditemcharges", "Shipping methods"),
            ("partner.partner", "Partners"),
        ),
    ),
    (
        "Content",
        (
            ("articles.article", None),
            ("articles.author", None),
            ("articles.topic", None),
            ("flatpages.flatpage", "Footer pages"),
        ),
    ),
)


class ShopAdminSite(admin.AdminSite):
    """Django's admin site with the index in ``SECTIONS``' order."""

    def get_app_list(self, request, app_label=None):
        if app_label is not None:  # one app's own page lists that app
            return super().get_app_list(request, app_label)
        apps = self._build_app_dict(request)
        entries = {
            model["model"]._meta.label_lower: model
            for app in apps.values()
            for model in app["models"]
        }
        listed = []
        for section, members in SECTIONS:
            models = []
            for label, name in members:
                if label in entries:
                    model = entries.pop(label)
                    models.append({**model, "name": name or model["name"]})
            if models:
                listed.append(_section(section, models))
        if request.user.is_superuser:
            for app in sorted(apps.values(), key=lambda app: app["name"].lower()):
                rest = [
                    m for m in app["models"] if m["model"]._meta.label_lower in entries
                ]
                if rest:
                    listed.append({**app, "models": sorted(rest, key=_by_name)})
        return listed


def _section(name, models):
    return {
        "name": name,
        "app_label": slugify(name),
        # The heading opens the section's first list.
        "app_url": models[0]["admin_url"],
        "has_module_perms": True,
        "models": models,
    }


def _by_name(model):
    return str(model["name"])
