"""Refusing requests that another website made a visitor's browser send.

The views that take no CSRF token (adding to the basket, so product pages can
be served from the page cache) check instead where the request came from:
browsers say so in Sec-Fetch-Site and Origin. "cross-site", or an Origin that
is not the shop's own, is refused with a page saying nothing was added. A
request without either header (an old browser, a test client) is let through.
"""

from functools import wraps

from django.conf import settings
from django.template.response import TemplateResponse


def own_origins(request):
    return {
        f"{request.scheme}://{request.get_host()}",
        settings.SHOP_SITE_URL,
        *settings.CSRF_TRUSTED_ORIGINS,
    }


def is_cross_site(request):
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return origin is not None and origin not in own_origins(request)


def refuse_cross_site(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_cross_site(request):
            return TemplateResponse(request, "shop/cross_site.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
