"""Whole pages from the cache for visitors who have nothing of their own yet.

A visitor without a session, a basket or a pending message sees exactly what
every other such visitor sees: the basket count is 0, the header says "Sign
in", and no form on a public page carries a per-visitor token (adding to the
basket needs none, see shop/urls.py). Most visitors arrive like that from a
search engine, so their pages are served from the cache (Redis when
REDIS_URL is set, else this process's memory) without touching the database.

Anything else (a signed-in customer, a visitor with a basket or a session,
a POST, a private page, a response that sets a cookie) goes through Django
as usual and is never cached.

Keys: a page is stored under its path and the query parameters its view
reads (the page number of lists, the search words), normalised. A request
carrying anything else (tracking tags, random noise) may be answered with the
stored page, but its own rendering is never stored, so query strings can
neither grow the cache nor plant text in a page others get.

Correctness: every cached page is stored under a version number that any
save or delete of what pages show (products, prices and stock, categories,
routines, articles, footer pages, shipping, offers) moves on when it
commits, so the next visitor sees the change at once; each app names those
models in its ready() (shop/core/page_versions.py). A page is kept no longer
than until the next planned change (a sale starting or ending), and at most
SHOP_PAGE_CACHE_SECONDS, which bounds how late a scheduled article appears.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.generic.list import MultipleObjectMixin

from products.models import SEARCH_QUERY_LENGTH
from shop.core.page_versions import current_version, seconds_until_pages_change

VISITOR_COOKIES = ("messages",)
CACHEABLE_TYPES = ("text/html", "application/xml", "text/plain", "application/atom")
# Real pages have short addresses; anything longer is not worth a key.
MAX_ADDRESS_LENGTH = 500
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def is_private_page(request):
    """Basket, checkout, account and staff pages (SHOP_PRIVATE_PATHS): never
    stored, here or in a browser or proxy."""
    return request.path.startswith(settings.SHOP_PRIVATE_PATHS)


def is_anonymous_visitor(request):
    cookies = request.COOKIES
    own = (
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        *VISITOR_COOKIES,
    )
    return request.method in ("GET", "HEAD") and not any(
        name in cookies for name in own
    )


def page_number(value):
    return value if PAGE_NUMBER.fullmatch(value) else None


def search_words(value):
    """The words the search reads: it cuts the query, splits it into words
    and matches each case-insensitively (products/views.py)."""
    return " ".join(value.strip()[:SEARCH_QUERY_LENGTH].split()).lower() or None


NORMALISERS = {"page": page_number, "p": page_number, "q": search_words}


def parameters_read_by(path):
    """The query parameters the view at ``path`` reads, or None if no view
    answers there. A view says so in ``query_parameters``; lists (ours and
    Oscar's) read the page number, sitemaps their own page number ``p``,
    and every other public page reads none."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if hasattr(view_class, "query_parameters"):
        return view_class.query_parameters
    if view_class is not None and issubclass(view_class, MultipleObjectMixin):
        return ("page",)
    if match.func is sitemap_views.sitemap:
        return ("p",)
    return ()


def page_address(request):
    """``(address, storable)``: the path with the normalised parameters the
    page reads, and whether this request's own rendering may be stored under
    it (only if it carries nothing else). None: not to be cached at all."""
    reads = parameters_read_by(request.path_info)
    if reads is None:
        return None
    normalised = {}
    storable = True
    for name, values in request.GET.lists():
        value = NORMALISERS[name](values[-1]) if name in reads else None
        if value is None or len(values) > 1:
            storable = False
        if value is not None:
            normalised[name] = value
    address = request.path
    if normalised:
        address += "?" + urlencode(sorted(normalised.items()))
    if len(address) > MAX_ADDRESS_LENGTH:
        return None
    return address, storable


def page_key(address: str) -> str:
    return f"shop:page:{current_version()}:{address}"


def is_cacheable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # "Vary: Cookie" only says the page would differ for a visitor with a
        # session; this cache only ever answers visitors without one.
        and response.get("Vary", "Cookie") == "Cookie"
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def storage_seconds() -> int:
    """How long a page rendered now may be kept: whole seconds, rounded down
    so that it is gone before a sale starts or ends (0: not at all)."""
    seconds = settings.SHOP_PAGE_CACHE_SECONDS
    until_change = seconds_until_pages_change()
    if until_change is not None:
        seconds = min(seconds, int(until_change))
    return max(seconds, 0)


def page_cache_middleware(get_response):
    """Stored pages for anonymous visitors; ``Cache-Control: private,
    no-store`` on private pages, whether the page cache is on or not.

    A stored page keeps every header the views and the middleware below
    this one gave it; what sits above (security headers, the Host check)
    answers a hit exactly as it answers a miss."""

    def middleware(request):
        if is_private_page(request):
            response = get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response
        if not settings.SHOP_PAGE_CACHE_SECONDS or not is_anonymous_visitor(request):
            return get_response(request)
        found = page_address(request)
        if found is None:
            return get_response(request)
        address, storable = found
        key = page_key(address)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = get_response(request)
        if storable and is_cacheable(response):
            # Whoever has a session or basket sees this page differently.
            patch_vary_headers(response, ("Cookie",))
            seconds = storage_seconds()
            if seconds:
                cache.set(key, (response.content, dict(response.headers)), seconds)
            response["X-Page-Cache"] = "miss"
        return response

    return middleware
