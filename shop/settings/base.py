"""Settings shared by every environment.

Every value that differs between deployments comes from the environment (or a
`.env` file in the project folder, which real environment variables override).
"""

from decimal import Decimal
from pathlib import Path

import environ
from django.urls import reverse_lazy
from oscar.defaults import *  # noqa: F403

from shop.cache import redis_cache

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Oscar -------------------------------------------------------------------
OSCAR_SHOP_NAME = "Skinome"
OSCAR_SHOP_TAGLINE = "Skin care that rebuilds"
OSCAR_HOMEPAGE = reverse_lazy("home")
OSCAR_DEFAULT_CURRENCY = "NOK"
# The brand writes prices as "1.467,95 NOK": dot thousands, comma decimals, a
# non-breaking space and the ISO code after. Babel's nb_NO would give
# "1 467,95 kr", so the Danish grouping with an explicit pattern is used.
OSCAR_CURRENCY_FORMAT = {
    "NOK": {
        "locale": "da_DK",
        "format": "#,##0.00\xa0¤¤",
        "currency_digits": False,
    }
}
# Shelf prices include VAT, so offers (the routine's fixed price) must too.
OSCAR_OFFERS_INCL_TAX = True
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="shop@skinome.example")
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
# What happens to an order, and what staff may change it to next. Card orders
# wait in "Pending payment" until Stripe confirms; invoice orders wait in
# "Awaiting payment" until staff record the payment. Cancelling releases the
# stock, shipping consumes it (shop/orders.py).
OSCAR_INITIAL_ORDER_STATUS = "Awaiting payment"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending payment": ("Paid", "Cancelled"),
    "Awaiting payment": ("Paid", "Cancelled"),
    "Paid": ("Shipped", "Cancelled"),
    "Shipped": (),
    "Cancelled": (),
}
OSCAR_INITIAL_LINE_STATUS = "New"
OSCAR_LINE_STATUS_PIPELINE = {"New": ("Shipped", "Cancelled")}
OSCAR_ORDER_STATUS_CASCADE = {"Shipped": "Shipped", "Cancelled": "Cancelled"}
# Norwegian addresses: a phone number for the carrier's text message.
OSCAR_REQUIRED_ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "line1",
    "line4",
    "postcode",
    "country",
)

# --- Shop --------------------------------------------------------------------
SHOP_VAT_RATE = Decimal("0.25")
SHOP_COMPANY = {
    "name": env("SHOP_COMPANY_NAME", default="Skinome AS"),
    "org_number": env("SHOP_COMPANY_ORG_NUMBER", default="000 000 000 MVA"),
    "address": env("SHOP_COMPANY_ADDRESS", default="Storgata 1, 0155 Oslo, Norway"),
    "email": env("SHOP_COMPANY_EMAIL", default="hello@skinome.example"),
    "phone": env("SHOP_COMPANY_PHONE", default="+47 22 00 00 00"),
    # Where invoice customers pay.
    "bank_account": env("SHOP_COMPANY_BANK_ACCOUNT", default="0000.00.00000"),
}

# --- Search engines and link previews ----------------------------------------
# The public address of the shop: canonical URLs, Open Graph, JSON-LD, the
# sitemap and feeds are absolute and must name the real domain.
SHOP_SITE_URL = env("SHOP_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# What product structured data says about delivery and returns, besides the
# price (which comes from the cheapest shipping method in admin). It must agree
# with the "Shipping and returns" page: Posten/Bring in Norway, 1–4 working
# days, 14 days to withdraw, the customer pays the return.
SHOP_SHIPPING_FACTS = {
    "country": "NO",
    "handling_days": (0, 1),
    "transit_days": (1, 4),
    "return_days": 14,
}
# --- Payments ------------------------------------------------------------------
# Invoice needs no set-up. Card payment (Stripe's hosted Checkout) is offered
# when a secret key is set; the webhook secret verifies Stripe's callbacks.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Only for tests and local trials against a fake Stripe server.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
STRIPE_TIMEOUT_SECONDS = env.float("STRIPE_TIMEOUT_SECONDS", default=10)
# A card payment still open after this long is settled by `reconcile_payments`.
STRIPE_PENDING_MINUTES = env.int("STRIPE_PENDING_MINUTES", default=60)

# --- E-mail ------------------------------------------------------------------
# Who hears about new orders.
SHOP_ORDER_NOTIFICATION_EMAILS = env.list(
    "SHOP_ORDER_NOTIFICATION_EMAILS", default=[SHOP_COMPANY["email"]]
)
# Unsent e-mails are retried at most this often, after a request (zero set-up);
# production also runs `manage.py send_pending_emails` every minute.
SHOP_EMAIL_RETRY_SECONDS = env.int("SHOP_EMAIL_RETRY_SECONDS", default=60)

# Whole public pages for visitors without a session or basket, renewed on any
# catalogue or article save; 0 turns the page cache off.
SHOP_PAGE_CACHE_SECONDS = env.int("SHOP_PAGE_CACHE_SECONDS", default=300)

# --- Measuring (perf/settings.py turns these on; no deployment does) -----------
# Media served by the app, and the benchmark's bare reference page.
SHOP_SERVE_MEDIA = False
SHOP_BENCH_VIEWS = False

# Pages that search engines should not index (and robots.txt keeps them out).
SHOP_NOINDEX_PATHS = ("/basket/", "/checkout/", "/accounts/", "/search/")

# --- Django core -------------------------------------------------------------
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",
    "products.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "shop.apps.ShopConfig",
    "articles.apps.ArticlesConfig",
]

MIDDLEWARE = [
    # A lost database connection: pages answered again, a clear 503 otherwise.
    "shop.middleware.database_connection_lost_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # --- Page cache (shop/page_cache.py) ---
    # Inside everything that adds security headers, and after CommonMiddleware
    # has validated the Host, so a cached page is answered like a fresh one;
    # before authentication and baskets, which a cached page needs neither of.
    "shop.page_cache.page_cache_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "shop.middleware.basket_notice_middleware",
    "shop.middleware.robots_header_middleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.context_processors.shop",
            ],
        },
    }
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Each transaction takes SQLite's write lock when it begins, so two
    # requests that read-then-write (placing an order) run one after the
    # other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
# A persistent connection the database dropped (a restart, a failover) is
# noticed at the start of the next request and replaced, instead of failing it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# --- Caches fail open (shop/cache.py) ------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
# A cache call waits at most this long for Redis, then counts as a miss; a
# down or hung Redis makes pages slower, never errors. Sessions stay in the
# database (cached_db), so losing or evicting cache keys signs nobody out.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.25)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "shop.cache"
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, timeout_seconds=REDIS_TIMEOUT_SECONDS)}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.MinimumLengthValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# Haystack is required by Oscar's search app, but the storefront searches the
# database itself; nothing is indexed, so saves need not signal Haystack.
HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}
}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that hangs must not hold up the customer's confirmation page;
# what times out is retried from the outbox.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT_SECONDS", default=10)
DEFAULT_FROM_EMAIL = OSCAR_FROM_EMAIL
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # Oscar logs every stock-alert run at INFO, even when it sends nothing.
    "loggers": {
        "oscar.alerts": {"level": "WARNING"},
        # A broken Redis fails every cache call: one line per kind a minute.
        "shop.cache": {"filters": ["once_per_minute"]},
    },
    "filters": {"once_per_minute": {"()": "shop.cache.OncePerInterval"}},
}
