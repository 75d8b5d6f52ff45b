"""Absolute addresses on the shop's public site (SHOP_SITE_URL), for
canonical links, sitemaps, feeds, structured data and e-mails."""

from django.conf import settings


def site_url(path: str = "") -> str:
    return settings.SHOP_SITE_URL + path


def absolute(url: str) -> str:
    """``url`` as is when it names its host already (object storage), else on
    the shop's site."""
    return url if url.startswith(("http://", "https://")) else site_url(url)
