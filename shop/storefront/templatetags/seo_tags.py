"""Template tags for what crawlers and link previews read on every page.

``{% seo_head %}`` writes the title, description, canonical address, robots,
Open Graph and Twitter card tags; ``{% breadcrumbs %}`` writes the visible
trail and its BreadcrumbList from the same crumbs; the ``*_json_ld`` tags
write the structured data of a page type, from the builder its app
registered (shop/core/structured_data.py).
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from shop.core.breadcrumbs import trail
from shop.core.languages import other_languages
from shop.core.money import machine_price
from shop.core.renditions import PREVIEW_SIZE, preview_rendition
from shop.core.site_urls import absolute
from shop.core.structured_data import (
    default_preview_image_url,
    iso,
    json_ld_for,
    plain_text,
)
from shop.storefront import seo

register = template.Library()


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(
    context,
    title="",
    description="",
    image=None,
    og_type="website",
    published=None,
    modified=None,
    price=None,
    available=None,
    noindex=False,
):
    """Head tags of a page. ``title`` is the page's own name, without the
    shop's; ``image`` is a ProductImage or Picture (its link-preview
    rendition is used) and falls back to the shop's preview picture."""
    request = context["request"]
    language = translation.get_language()
    shop_name = settings.OSCAR_SHOP_NAME
    page_title = plain_text(title, length=70)
    page = request.GET.get("page", "")
    if page_title and page.isdigit() and int(page) > 1:
        page_title = _("%(title)s – page %(number)d") % {
            "title": page_title,
            "number": int(page),
        }
    rendition = preview_rendition(image)
    return {
        "full_title": f"{page_title} – {shop_name}"
        if page_title
        else f"{shop_name} – {settings.OSCAR_SHOP_TAGLINE}",
        "title": page_title or shop_name,
        "description": plain_text(description)
        or _(
            "Gentle, barrier-first skin care from Scandinavia, with prices in NOK "
            "including VAT."
        ),
        "canonical": seo.canonical_url(request),
        "noindex": noindex or seo.is_noindex(request),
        "og_type": og_type,
        "image_url": absolute(rendition.url)
        if rendition
        else default_preview_image_url(),
        "image_width": rendition.width if rendition else PREVIEW_SIZE[0],
        "image_height": rendition.height if rendition else PREVIEW_SIZE[1],
        "image_alt": (image.alt_text if rendition else "")
        or f"{shop_name} – {settings.OSCAR_SHOP_TAGLINE}",
        "published": iso(published),
        "modified": iso(modified),
        "price": machine_price(price) if price is not None else None,
        "currency": settings.OSCAR_DEFAULT_CURRENCY,
        "available": available,
        "shop_name": shop_name,
        "hreflang_links": seo.hreflang_links(_versions(context)),
        "og_locale": seo.OG_LOCALES[language],
        "og_locale_alternates": [
            seo.OG_LOCALES[code] for code in other_languages(language)
        ],
    }


def _versions(context):
    """The page in each language, worked out once per request."""
    request = context["request"]
    if not hasattr(request, "language_versions"):
        request.language_versions = seo.language_versions(request, context)
    return request.language_versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages, through the view that
    remembers the choice; on a page with no other version (an error page),
    to the other language's home page."""
    request = context["request"]
    versions = _versions(context)
    links = []
    for code in other_languages(translation.get_language()):
        with translation.override(code):
            target = versions.get(code) or reverse("home")
        links.append(
            {
                "code": code,
                "name": dict(settings.LANGUAGES)[code],
                "url": reverse("choose-language", args=[code])
                + "?"
                + urlencode({"next": target}),
            }
        )
    return {"links": links, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *items):
    """``{% breadcrumbs category product.get_title %}``: Home › … › current."""
    crumbs = trail(*items)
    data = seo.breadcrumb_list(crumbs, seo.canonical_url(context["request"]))
    return {"crumbs": crumbs, "json_ld": seo.json_ld_script(data)}


@register.simple_tag
def site_json_ld():
    return seo.json_ld_script([seo.organization(), seo.website()])


@register.simple_tag
def product_json_ld(product, info):
    return _json_ld("product", product, info)


@register.simple_tag
def routine_json_ld(routine, quote):
    return _json_ld("routine", routine, quote)


@register.simple_tag
def article_json_ld(article, products=()):
    return _json_ld("article", article, products)


def _json_ld(page_type, *args):
    """The script for a page type's structured data; nothing when there is
    none (a product without a price)."""
    data = json_ld_for(page_type, *args)
    return seo.json_ld_script(data) if data else ""
