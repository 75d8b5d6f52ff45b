"""Demo data owned by the project app: footer pages, shipping methods and
development staff."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

from shop.commerce.shipping.models import OrderAndItemCharges
from shop.demo import catalogue_content as content
from shop.demo.translated import sync, texts
from shop.security import staff

# Development only: known passwords are never created with DEBUG off.
DEV_STAFF = [
    ("admin", "Shop owner (superuser)", None),
    ("editor", "Content editor", staff.CONTENT_EDITORS),
    ("manager", "Shop manager", staff.SHOP_MANAGERS),
]


def load_footer_pages():
    """Create or update the footer pages; return how many were new."""
    site = Site.objects.get(pk=settings.SITE_ID)
    new = 0
    for data in content.FOOTER_PAGES:
        values = texts(data, "url", "title", "content")
        values["template_name"] = data.get("template_name", "")
        page, created = sync(FlatPage, {"url_en": data["url"]}, values)
        page.sites.add(site)
        new += created
    return new


def load_shipping_methods():
    """Pickup point and home delivery; return how many were new."""
    new = 0
    for data in content.SHIPPING_METHODS:
        _, created = sync(
            OrderAndItemCharges,
            {"code": data["code"]},
            {
                **texts(data, "name", "description"),
                "price_per_order": Decimal(data["price"]),
                "price_per_item": Decimal(0),
                "free_shipping_threshold": Decimal(data["free_from"]),
            },
        )
        new += created
    return new


def load_dev_staff():
    """Create the development staff accounts; return (username, role) pairs."""
    if not settings.DEBUG:
        return []
    staff.ensure_groups()
    user_model = get_user_model()
    accounts = []
    for username, role, group_name in DEV_STAFF:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@skinome.example",
                "is_staff": True,
                "is_superuser": group_name is None,
            },
        )
        if created:
            user.set_password(username)
            user.save(update_fields=["password"])
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        accounts.append((username, role))
    return accounts
