"""Production: only hardening on top of base; a half-configured start fails loudly."""

import os

import sentry_sdk
from django.core.exceptions import ImproperlyConfigured
from sentry_sdk.integrations.django import DjangoIntegration

from shop.security.log_privacy import scrub_sentry_event

from .base import *  # noqa: F403
from .base import env
from .environment import production_problems

# --- Refuse to start half-configured -------------------------------------------
# Checked before anything else is read, so the operator gets one line per
# missing or unusable variable instead of the first traceback.
_problems = production_problems(os.environ)
if _problems:
    raise ImproperlyConfigured(
        "Production cannot start until these are fixed in the environment:\n"
        + "\n".join(f"  - {line}" for line in _problems)
    )

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env.list("DJANGO_ALLOWED_HOSTS") if h.strip()]
SHOP_SITE_URL = env("SHOP_SITE_URL").strip().rstrip("/")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# The load balancer checks each app server over plain HTTP (shop/core/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Cookies only over HTTPS; measuring over plain HTTP has settings of its own
# (perf/settings.py), so nothing in the environment can weaken these.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Error reports to Sentry, when SENTRY_DSN is set -------------------------------
# Besides ADMINS' e-mails (base.py). Nothing about the visitor is sent: no
# cookies, user or IP, no form bodies, no local variables (they hold orders
# and addresses), and every string left is scrubbed (shop/security/log_privacy.py).
SENTRY_DSN = env("SENTRY_DSN", default="").strip()
if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=scrub_sentry_event,
        before_breadcrumb=scrub_sentry_event,
    )
