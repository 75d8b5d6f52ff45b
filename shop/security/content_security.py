"""Which Content-Security-Policy a response gets (django-csp does the rest).

The policy itself is a setting (`CONTENT_SECURITY_POLICY` in
shop/settings/base.py), one for the storefront and Django admin alike. This
middleware adds the sources that follow from other settings, read per
request so a settings change (or a test's) is seen at once:

- the payment pages' origins to ``form-action``: Stripe's, or a local
  fake Stripe's (``STRIPE_API_BASE``), which serves its payment page itself;
  Vipps' landing page and app links, or a local fake Vipps'
  (``VIPPS_API_BASE``);
- absolute ``STATIC_URL`` and ``MEDIA_URL`` origins to the sources of the
  files they serve.

It sits outside the page cache in MIDDLEWARE, so a page served from the cache
carries the same header as the one first rendered.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings


def origin(url):
    """``https://host[:port]`` of an absolute address, or None."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def payment_page_origins():
    origins = [settings.STRIPE_CHECKOUT_ORIGIN, *settings.VIPPS_LANDING_ORIGINS]
    for base in (settings.STRIPE_API_BASE, settings.VIPPS_API_BASE):
        if (fake := origin(base)) and fake not in origins:
            origins.append(fake)
    return origins


def file_origin_sources():
    """Sources for static files (scripts, styles, fonts, images) and media
    (images) served from another origin, such as a CDN or object storage."""
    static, media = origin(settings.STATIC_URL), origin(settings.MEDIA_URL)
    sources = {}
    if static:
        for directive in ("script-src", "style-src", "font-src", "img-src"):
            sources[directive] = [static]
    if media:
        sources["img-src"] = [*sources.get("img-src", []), media]
    return sources


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts  # no report-only policy; or a view chose its own
        extra = file_origin_sources()
        extra["form-action"] = payment_page_origins()
        for directive, sources in (parts.update or {}).items():
            extra[directive] = [*extra.get(directive, []), *sources]
        parts.update = extra
        return parts
