"""What search engines and link previews read: addresses, crumbs, JSON-LD.

Every address given to a crawler is absolute and built from SHOP_SITE_URL, so
the shop names its real domain whatever Host header a request came with.
The JSON-LD builders follow the properties Google documents as required or
recommended for each rich result (Organization, WebSite, BreadcrumbList,
merchant listing Product, BlogPosting).
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from shop.commerce.shipping import summary as shipping_summary
from shop.core.money import machine_price
from shop.core.renditions import pick
from shop.core.site_urls import absolute, site_url

SCHEMA = "https://schema.org"
PREVIEW_IMAGE_WIDTH = 1200
DESCRIPTION_LENGTH = 160


def canonical_url(request):
    """The page's own address: no query string, except a page number > 1."""
    url = site_url(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


def is_noindex(request):
    """Search results, basket, checkout and account pages stay out of indexes."""
    return request.path.startswith(settings.SHOP_NOINDEX_PATHS) or bool(
        request.GET.get("q")
    )


def plain_text(value, length=DESCRIPTION_LENGTH):
    """Text for a title or description: one line, cut at a word. Sources
    written in HTML (footer pages, Oscar's category texts) are passed through
    ``striptags`` first; plain text keeps every character it has."""
    text = " ".join(str(value or "").split())
    return Truncator(text).chars(length) if length else text


def preview_image(picture):
    """The 1200 px wide rendition of a Picture or ProductImage, or None."""
    if not hasattr(picture, "renditions"):  # None, or "" from a template
        return None
    return pick(picture.renditions(), PREVIEW_IMAGE_WIDTH)


def logo_url():
    return absolute(static("images/logo.png"))


def default_preview_image_url():
    return absolute(static("images/og-default.png"))


def iso(moment):
    """ISO 8601 in the shop's time zone: 2026-10-01T08:00:00+02:00."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


# --- JSON-LD -----------------------------------------------------------------


def json_ld_script(data):
    """A <script type="application/ld+json"> that text in the data cannot end
    early: <, > and & are written as JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def organization_id():
    return site_url("/#organization")


def organization():
    company = settings.SHOP_COMPANY
    return {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": organization_id(),
        "name": settings.OSCAR_SHOP_NAME,
        "legalName": company["name"],
        "url": site_url("/"),
        "logo": logo_url(),
        "email": company["email"],
        "telephone": company["phone"],
    }


def website():
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": site_url("/#website"),
        "name": settings.OSCAR_SHOP_NAME,
        "url": site_url("/"),
        "publisher": {"@id": organization_id()},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": site_url("/catalogue/?q={search_term_string}"),
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(crumbs, current_url):
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": site_url(crumb.url) if crumb.url else current_url,
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def _shipping_details(price):
    facts = settings.SHOP_SHIPPING_FACTS
    cheapest = shipping_summary.cheapest()
    if cheapest is None:  # no method set up yet: nothing true to say
        return None
    rate = cheapest.for_order_of(price)

    def days(low_high):
        return {
            "@type": "QuantitativeValue",
            "minValue": low_high[0],
            "maxValue": low_high[1],
            "unitCode": "DAY",
        }

    return {
        "@type": "OfferShippingDetails",
        "shippingRate": {
            "@type": "MonetaryAmount",
            "value": machine_price(rate),
            "currency": settings.OSCAR_DEFAULT_CURRENCY,
        },
        "shippingDestination": {
            "@type": "DefinedRegion",
            "addressCountry": facts["country"],
        },
        "deliveryTime": {
            "@type": "ShippingDeliveryTime",
            "handlingTime": days(facts["handling_days"]),
            "transitTime": days(facts["transit_days"]),
        },
    }


def _return_policy():
    facts = settings.SHOP_SHIPPING_FACTS
    return {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": facts["country"],
        "returnPolicyCategory": f"{SCHEMA}/MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": facts["return_days"],
        "returnMethod": f"{SCHEMA}/ReturnByMail",
        "returnFees": f"{SCHEMA}/ReturnFeesCustomerResponsibility",
    }


def offer(*, url, price, available):
    data = {
        "@type": "Offer",
        "url": url,
        "price": machine_price(price),
        "priceCurrency": settings.OSCAR_DEFAULT_CURRENCY,
        "availability": f"{SCHEMA}/{'InStock' if available else 'OutOfStock'}",
        "itemCondition": f"{SCHEMA}/NewCondition",
        "seller": {"@id": organization_id()},
        "hasMerchantReturnPolicy": _return_policy(),
    }
    shipping = _shipping_details(price)
    if shipping:
        data["shippingDetails"] = shipping
    return data


def _brand():
    return {"@type": "Brand", "name": settings.OSCAR_SHOP_NAME}


def _image_urls(pictures):
    urls = []
    for picture in pictures:
        rendition = preview_image(picture)
        if rendition:
            urls.append(absolute(rendition.url))
    return urls or [default_preview_image_url()]


def product(product, info):
    """A merchant listing for a product page; None when it has no price."""
    if not (info.price.exists and info.price.is_tax_known):
        return None
    url = site_url(product.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": url + "#product",
        "name": product.get_title(),
        "description": plain_text(
            product.short_description or product.description, length=5000
        ),
        "image": _image_urls(product.get_all_images()),
        "url": url,
        "brand": _brand(),
        "offers": offer(
            url=url,
            price=info.price.incl_tax,
            available=info.availability.is_available_to_buy,
        ),
    }
    if info.stockrecord and info.stockrecord.partner_sku:
        data["sku"] = info.stockrecord.partner_sku
    if product.upc and product.upc.isdigit() and len(product.upc) == 13:
        data["gtin13"] = product.upc
    return data


def routine(routine, quote):
    """The routine as one product: its fixed price, available when all are."""
    url = site_url(routine.get_absolute_url())
    return {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": url + "#product",
        "name": routine.name,
        "description": plain_text(routine.summary, length=5000),
        "image": _image_urls(
            image for item in quote.items for image in item.product.images.all()[:1]
        ),
        "url": url,
        "brand": _brand(),
        "offers": offer(url=url, price=routine.price, available=quote.is_available),
    }


def person_or_organisation(author):
    data = {
        "@type": "Organization" if author.is_organisation else "Person",
        "name": author.name,
        "url": site_url(author.get_absolute_url()),
    }
    if author.role and not author.is_organisation:
        data["jobTitle"] = author.role
    return data


def blog_posting(article, mentioned_products=()):
    url = site_url(article.get_absolute_url())
    hero = preview_image(article.hero)
    page = {"@type": "WebPage", "@id": url}
    if article.reviewed_at:
        page["lastReviewed"] = article.reviewed_at.date().isoformat()
    if article.reviewer:
        page["reviewedBy"] = person_or_organisation(article.reviewer)
    data = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": plain_text(article.title, length=110),
        "description": plain_text(article.get_meta_description()),
        "image": [absolute(hero.url) if hero else default_preview_image_url()],
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.last_modified),
        "author": [person_or_organisation(article.author)],
        "publisher": {
            "@type": "Organization",
            "@id": organization_id(),
            "name": settings.OSCAR_SHOP_NAME,
            "url": site_url("/"),
            "logo": {"@type": "ImageObject", "url": logo_url()},
        },
        "mainEntityOfPage": page,
        "url": url,
        "inLanguage": settings.LANGUAGE_CODE,
        "wordCount": article.word_count,
    }
    topics = [topic.name for topic in article.topics.all()]
    if topics:
        data["keywords"] = topics
        data["articleSection"] = topics[0]
    mentions = [
        {
            "@type": "WebPage",
            "@id": site_url(product.get_absolute_url()),
            "name": product.get_title(),
        }
        for product in mentioned_products
    ]
    if mentions:
        data["mentions"] = mentions
    return data
