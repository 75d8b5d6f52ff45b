"""The visitor's IP address, for sign-in lockouts and rate limits.

Behind a load balancer or proxy REMOTE_ADDR is the proxy's, so every visitor
would share one lockout. With SHOP_TRUSTED_PROXY_COUNT proxies in front, the
address is the one the outermost trusted proxy saw, read from the right of
X-Forwarded-For; what a visitor writes further left is ignored.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    count = settings.SHOP_TRUSTED_PROXY_COUNT
    if not count:
        return remote
    forwarded = request.headers.get("x-forwarded-for", "").split(",")
    hops = [hop.strip() for hop in forwarded if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote
