"""The sitemap sections each app contributes, and what they have in common.

An app registers its sections in its own ``AppConfig.ready()``
(``register_sitemap("products", ProductSitemap)``); the sitemap index and the
section pages list them in the order they were registered, which is the order
of INSTALLED_APPS. Each section is one of Django's sitemaps based on
ShopSitemap: it writes addresses on the domain of SHOP_SITE_URL and adds
``image:loc`` entries for the item's pictures (their link-preview renditions).
Every address is listed in each language, with its alternates.
"""

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured

from shop.core.renditions import preview_rendition
from shop.core.site_urls import absolute

_sections: dict[str, type[Sitemap]] = {}


class ShopSitemap(Sitemap):
    # Every address once per language, each listing all of them and the
    # x-default (Bokmål) as xhtml:link alternates.
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        return urlsplit(settings.SHOP_SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SHOP_SITE_URL).scheme

    def images(self, item) -> Iterable:
        """Pictures (ProductImage or Picture objects) to list for the item."""
        return []

    def get_latest_lastmod(self):
        # Django gives up on the whole section when one item has no date.
        if not callable(self.lastmod):
            return super().get_latest_lastmod()
        return max(filter(None, map(self.lastmod, self.items())), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            item, _language = url["item"]  # (item, language) with i18n
            url["images"] = [
                absolute(rendition.url)
                for rendition in map(preview_rendition, self.images(item))
                if rendition
            ]
        return urls


def register_sitemap(section: str, sitemap: type[Sitemap]) -> None:
    """List ``sitemap`` in the index as ``sitemap-<section>.xml``."""
    if _sections.setdefault(section, sitemap) is not sitemap:
        raise ImproperlyConfigured(f"Two sitemaps claim the section {section!r}.")


def sections() -> Mapping[str, type[Sitemap]]:
    """Every registered section by name, in the order registered."""
    return MappingProxyType(_sections)
