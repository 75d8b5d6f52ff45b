"""What search engines and link previews read: addresses, crumbs, JSON-LD.

Every address given to a crawler is absolute and built from SHOP_SITE_URL, so
the shop names its real domain whatever Host header a request came with.
The storefront writes the JSON-LD of the shop itself (Organization, WebSite)
and of the crumbs (BreadcrumbList); each app registers the builders for its
own pages (merchant listing Product, BlogPosting) in shop/core/structured_data.py.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from shop.core.languages import language_codes, translated_path
from shop.core.site_urls import site_url
from shop.core.structured_data import SCHEMA, logo_url, organization_id
from shop.storefront.footer_pages import footer_page_url


def canonical_url(request) -> str:
    """The page's own address: no query string, except a page number > 1."""
    url = site_url(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


# Open Graph names a language with its region.
OG_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
# Where views keep the object a page is about: detail views in ``object``,
# the category list in ``category``, topic and author lists in ``group``.
PAGE_OBJECTS = ("object", "category", "group")


def page_object(context):
    """What the page is about, if its address comes from an object (whose
    slug differs per language)."""
    view = context.get("view")
    for name in PAGE_OBJECTS:
        obj = getattr(view, name, None)
        if hasattr(obj, "get_absolute_url"):
            return obj
    return None


def language_versions(request, context) -> dict[str, str]:
    """``{language: path}`` of this page in every language, with the page
    number of a list; empty when the page has no address in some language
    (an error page). Footer pages, found by address, are asked directly."""
    # No address matched, or the view found nothing: Django's 404 page (its
    # context names the missing path) has no version in another language.
    if getattr(request, "resolver_match", None) is None or "request_path" in context:
        return {}
    flatpage = context.get("flatpage")
    obj = page_object(context)
    versions = {}
    for code in language_codes():
        if flatpage is not None:
            path = footer_page_url(flatpage, code)
        else:
            path = translated_path(request.path_info, code, obj=obj)
        if path is None:
            return {}
        versions[code] = path
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        versions = {code: f"{path}?page={int(page)}" for code, path in versions.items()}
    return versions


def hreflang_links(versions: dict[str, str]) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` for each language and x-default."""
    if not versions:
        return []
    links = [(code, site_url(path)) for code, path in versions.items()]
    links.append(("x-default", site_url(versions[settings.LANGUAGE_CODE])))
    return links


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
        "url": site_url(reverse("home")),
        "inLanguage": translation.get_language(),
        "publisher": {"@id": organization_id()},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": site_url(reverse("catalogue:index"))
                + "?q={search_term_string}",
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
