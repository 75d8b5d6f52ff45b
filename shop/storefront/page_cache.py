"""Whole pages from the cache for visitors who have nothing of their own yet.

A visitor without a session, a basket or a pending message sees exactly what
every other such visitor sees: the basket count is 0, the header says "Sign
in", and no form on a public page carries a per-visitor token (adding to the
basket needs none, see shop/urls.py). Most visitors arrive like that from a
search engine, so their pages are served from the cache (Redis when
REDIS_URL is set, else this process's memory) without touching the database.

A guest with a basket or a session sees the same page but for the basket
count in the header, so they get the stored page with that part filled in
for them (see "Guests" below): as fast as a new visitor, whatever the basket
holds. Anything else (a signed-in customer, a message waiting, a POST, a
private page, a response that sets a cookie) goes through Django as usual
and is never cached.

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

Releases: a stored page names the static files by their hashed names, which
only its release's servers have, and during a rolling deploy old and new
app servers share the cache. So each release keeps pages of its own, under
a hash of its static files' manifest (release()).
"""

import copy
import functools
import hashlib
import re
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.generic.list import MultipleObjectMixin

from products.models import SEARCH_QUERY_LENGTH
from shop.commerce.basket.summary import header_basket_items
from shop.core.page_versions import current_version, seconds_until_pages_change
from shop.storefront import visitor_part

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
    return f"shop:page:{release()}:{current_version()}:{address}"


@functools.cache
def release() -> str:
    """The static files this process serves, as a short hash of their
    manifest (collectstatic writes it); "-" without one (development)."""
    manifest = Path(settings.STATIC_ROOT) / ManifestFilesMixin.manifest_name
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    except OSError:
        return "-"


def unshared_key(key: str) -> str:
    """The key of the mark that the page under ``key`` is rendered for each
    visitor (never stored); it goes with the page's version."""
    return f"shop:unshared:{key}"


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
    """Stored pages for new visitors, and for guests with the header filled
    in for them; ``Cache-Control: private, no-store`` on private pages,
    whether the page cache is on or not.

    A stored page keeps every header the views and the middleware below
    this one gave it; what sits above (security headers, the Host check)
    answers a hit exactly as it answers a miss."""

    def middleware(request):
        if is_private_page(request):
            response = get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response
        if not settings.SHOP_PAGE_CACHE_SECONDS:
            return get_response(request)
        if is_anonymous_visitor(request):
            return page_for_new_visitor(request, get_response)
        if request.method in ("GET", "HEAD"):
            items = guest_basket_items(request)
            if items is not None:
                response = page_for_guest(request, get_response, items)
                if response is not None:
                    return response
        return get_response(request)

    return middleware


def page_for_new_visitor(request, get_response):
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
    if storable and store(key, response) is not None:
        response["X-Page-Cache"] = "miss"
    return response


def store(key, response):
    """Store a new visitor's page if it may be shared; what was stored."""
    if not is_cacheable(response):
        return None
    # Whoever has a session or basket sees this page differently.
    patch_vary_headers(response, ("Cookie",))
    stored = (response.content, dict(response.headers))
    seconds = storage_seconds()
    if seconds:
        cache.set(key, stored, seconds)
    return stored


# --- Guests: the stored page, with their own header ---------------------------
#
# A guest (not signed in) with a basket or a session sees what a new visitor
# sees but for the header's basket count (templates/includes/visitor_links.html,
# marked in base.html). Their pages are the stored ones with that part filled
# in (shop/storefront/visitor_part.py), the count read from the cache
# (shop/commerce/basket/summary.py): no basket, offers or template is loaded.
# Anyone else (signed in, a message or basket notice waiting) gets the page
# rendered for them, as do pages that are never stored (forms with a CSRF
# token), which are remembered as such so they are rendered only once.


def guest_basket_items(request) -> int | None:
    """The basket count a guest's header shows; None for a visitor whose
    page must be rendered for them."""
    if request.COOKIES.get("messages"):  # a deleted cookie may come back empty
        return None
    session = request.session
    if SESSION_KEY in session or SessionStorage.session_key in session:
        return None
    return header_basket_items(request)


def page_for_guest(request, get_response, items):
    found = page_address(request)
    if found is None:
        return None
    address, storable = found
    key = page_key(address)
    mark = unshared_key(key)
    found = cache.get_many([key, mark])
    if mark in found:
        return None
    page = with_guest_part(found.get(key), items)
    if page is None and storable:
        # Not stored yet, or stored by a release whose header had no marks.
        page = with_guest_part(store(key, get_response(as_new_visitor(request))), items)
        if page is None:
            cache.set(mark, True, storage_seconds())
    if page is None:
        return None
    content, headers = page
    response = HttpResponse(content, headers=headers)
    # Only this visitor's: no proxy keeps it, the browser checks again.
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Page-Cache"] = "hit, header for the visitor"
    return response


def with_guest_part(stored, items):
    """``(content, headers)`` of a stored page with the guest's part filled
    in; None if nothing is stored or an HTML page has no part to fill."""
    if stored is None:
        return None
    content, headers = stored
    if headers.get("Content-Type", "").startswith("text/html"):
        # Sitemaps, feeds and robots.txt have nobody's header.
        content = visitor_part.fill(content, items)
        if content is None:
            return None
    return content, headers


def as_new_visitor(request):
    """The same request as a new visitor sends it: no cookies, so no
    session, basket or user, and a session of its own that is never saved."""
    new_visitor = copy.copy(request)
    new_visitor.COOKIES = {}
    new_visitor.META = {k: v for k, v in request.META.items() if k != "HTTP_COOKIE"}
    new_visitor.session = import_module(settings.SESSION_ENGINE).SessionStore()
    return new_visitor
