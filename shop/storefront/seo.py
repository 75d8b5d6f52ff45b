"""What search engines and link previews read: addresses, crumbs, JSON-LD.

Every address given to a crawler is absolute and built from SHOP_SITE_URL, so
the shop names its real domain whatever Host header a request came with.
The storefront writes the JSON-LD of the shop itself (Organization, WebSite)
and of the crumbs (BreadcrumbList); each app registers the builders for its
own pages (merchant listing Product, BlogPosting) in shop/core/structured_data.py.
"""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from shop.core.site_urls import site_url
from shop.core.structured_data import SCHEMA, logo_url, organization_id


def canonical_url(request) -> str:
    """The page's own address: no query string, except a page number > 1."""
    url = site_url(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


def is_noindex(request) -> bool:
    """Search results, basket, checkout and account pages stay out of indexes."""
    return request.path.startswith(settings.SHOP_NOINDEX_PATHS) or bool(
        request.GET.get("q")
    )


# --- JSON-LD -----------------------------------------------------------------


def json_ld_script(data) -> str:
    """A <script type="application/ld+json"> that text in the data cannot end
    early: <, > and & are written as JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def organization() -> dict:
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


def website() -> dict:
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


def breadcrumb_list(crumbs, current_url: str) -> dict:
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
