"""What every migrate brings in line with the code and the settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site

from shop.security import staff


def ensure_staff_groups(sender, **kwargs):
    if sender.label == "shop":
        staff.ensure_groups()


def sync_site_with_settings(sender, using="default", **kwargs):
    """Django's Site (read by the sitemap index, feeds and Oscar's e-mails)
    names the domain of SHOP_SITE_URL after every migrate."""
    if sender.label != "shop":
        return
    domain = urlsplit(settings.SHOP_SITE_URL).netloc
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME},
    )
    Site.objects.clear_cache()
