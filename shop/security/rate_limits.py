"""Rate limits on the forms that make the shop send e-mail, and on the
forms that look an order up by its number (django-ratelimit).

Each such form counts its e-mails per visitor IP address and, where the form
names one, per target address, so nobody can make the shop flood a mailbox.
A form over a limit says so on the page and sends nothing. The counters live
in the cache; when the cache cannot be reached the limits are skipped (fail
open) rather than breaking sign-up, password reset or checkout.
"""

import logging
import math

from django.conf import settings
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


def _address_key(address):
    return lambda group, request: address.strip().lower()


def seconds_until_allowed(request, *, action, address=None, count=True):
    """0 when the e-mail ``action`` is about to send may go, else the seconds
    until the visitor (or the address) may ask again. With ``count`` the
    e-mail is counted now; without, the caller counts it with ``count_email``
    once it is really on its way (an order that fails to be placed sends
    nothing, and must not use up the customer's allowance)."""
    return _wait(request, action, address, increment=count)


def count_email(request, *, action, address=None):
    """Count an e-mail that ``action`` has queued."""
    _wait(request, action, address, increment=True)


def _wait(request, action, address, *, increment):
    limits = [("ip", settings.SHOP_MAIL_RATE_PER_IP, "ip")]
    if address:
        limits.append(
            ("address", settings.SHOP_MAIL_RATE_PER_ADDRESS, _address_key(address))
        )
    wait = 0
    for name, rate, key in limits:
        try:
            usage = get_usage(
                request,
                group=f"mail:{action}:{name}",
                key=key,
                rate=rate,
                increment=increment,
            )
        except Exception as error:  # noqa: BLE001 the cache is down: let the e-mail go
            logger.warning(
                "Rate limit skipped, cache unavailable: %s", type(error).__name__
            )
            continue
        # Counted already, or the one about to be sent on top of the count.
        sent = usage["count"] + (0 if increment else 1) if usage else 0
        if usage and sent > usage["limit"]:
            wait = max(wait, usage["time_left"], 1)
    return wait


def failed_lookups_wait(request, *, action, count=False):
    """0 while the visitor's IP address may try another order number and
    e-mail address on ``action``'s form, else the seconds until it may;
    with ``count`` a failed try is counted. Only failures count, so a
    customer who finds the order is never held up, and guessing order
    numbers stays slow."""
    try:
        usage = get_usage(
            request,
            group=f"lookup:{action}:ip",
            key="ip",
            rate=settings.SHOP_ORDER_LOOKUP_RATE_PER_IP,
            increment=count,
        )
    except Exception as error:  # noqa: BLE001 the cache is down: let it through
        logger.warning(
            "Rate limit skipped, cache unavailable: %s", type(error).__name__
        )
        return 0
    if usage and usage["count"] >= usage["limit"]:
        return max(usage["time_left"], 1)
    return 0


def wait_minutes(seconds):
    return max(1, math.ceil(seconds / 60))


def limit_message(seconds):
    minutes = wait_minutes(seconds)
    return ngettext(
        "We have sent several e-mails for this in a short while, so to protect "
        "inboxes we are holding off. Please check your inbox (and spam "
        "folder), or try again in about %(minutes)d minute.",
        "We have sent several e-mails for this in a short while, so to protect "
        "inboxes we are holding off. Please check your inbox (and spam "
        "folder), or try again in about %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
