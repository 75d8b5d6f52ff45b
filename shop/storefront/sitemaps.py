"""The sitemap index: every public page, its true last change, its pictures.

The storefront's own section (home, the product and article lists, the
footer pages) comes first, then the sections each app registered in its
ready() (shop/core/sitemaps.py).
"""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Article
from products.models import Product
from shop.core import sitemaps
from shop.core.site_urls import site_url
from shop.storefront.footer_pages import footer_page_url


class PageSitemap(sitemaps.ShopSitemap):
    """Home, the product and article lists, and the footer pages."""

    def items(self):
        lists = [("home", "home"), ("products", "catalogue:index")]
        lists.append(("articles", "articles:list"))
        pages = FlatPage.objects.filter(
            registration_required=False, sites=settings.SITE_ID
        ).order_by("pk")
        return lists + [("page", page) for page in pages]

    def location(self, item):
        # Called once per language, with that language active.
        kind, target = item
        return footer_page_url(target) if kind == "page" else reverse(target)

    def lastmod(self, item):
        # Footer pages keep no date of their own, so none is claimed for them.
        lists = {
            "products": Product.objects.browsable().latest_change,
            "articles": Article.objects.published().latest_change,
        }
        kind = item[0]
        if kind == "home":
            changes = (latest_change() for latest_change in lists.values())
            return max(filter(None, changes), default=None)
        return lists[kind]() if kind in lists else None


def sitemap_sections() -> dict[str, type[Sitemap]]:
    """Every section by name: the storefront's pages, then each app's."""
    return {"pages": PageSitemap, **sitemaps.sections()}


def sitemap_index(request):
    """The index of the sections, on SHOP_SITE_URL's domain.

    Django's own index names the domain of the Site row instead; each section
    here holds far fewer than the 50,000 addresses a sitemap file may list.
    """
    sections = [
        (
            site_url(reverse("sitemap-section", args=[name])),
            sitemap().get_latest_lastmod(),
        )
        for name, sitemap in sitemap_sections().items()
    ]
    return TemplateResponse(
        request,
        "seo/sitemap_index.xml",
        {"sections": sections},
        content_type="application/xml",
    )
