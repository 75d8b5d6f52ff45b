"""How django-axes counts failed sign-ins and what a paused visitor sees.

Every login form (the customer's, the checkout's, Django admin's, Oscar's
dashboard's) authenticates through Django, so axes counts each failure by
account and by IP address; either reaching the limit pauses signing in for
that account, or from that address, until the cool-off has passed or staff
delete the lockout in admin.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone

from shop.security.client_ip import client_ip

POSTED_USERNAME_FIELDS = ("username", "login-username")


def username_of(request, credentials):
    """The account a sign-in tried, written one way: e-mail addresses are
    matched without regard to case, so "KARI@" must count against "kari@"."""
    username = (credentials or {}).get("username")
    if username is None:  # the lockout page asks with the posted form
        username = next(
            (
                request.POST[name]
                for name in POSTED_USERNAME_FIELDS
                if name in request.POST
            ),
            None,
        )
    return username.strip().lower() if username else None


def paused_until(request, credentials):
    """When the last counted failure of this account or address expires."""
    cool_off = settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(
        Q(username=username_of(request, credentials))
        | Q(ip_address=client_ip(request)),
        attempt_time__gte=timezone.now() - cool_off,
    )
    latest = recent.aggregate(latest=Max("attempt_time"))["latest"] or timezone.now()
    return latest + cool_off


def lockout_response(request, original_response, credentials):
    return render(
        request,
        "accounts/locked_out.html",
        {"until": paused_until(request, credentials)},
        status=429,
    )
