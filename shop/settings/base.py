"""Settings shared by every environment.

Every value that differs between deployments comes from the environment (or a
`.env` file in the project folder, which real environment variables override).
"""

import socket
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from oscar.defaults import *  # noqa: F403

from shop.commerce.statuses import LineStatus, OrderStatus
from shop.core.cache import redis_cache

from . import media
from .database import for_pooler
from .environment import parse_admins, unknown_media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Oscar -------------------------------------------------------------------
OSCAR_SHOP_NAME = "Skinome"
OSCAR_SHOP_TAGLINE = gettext_lazy("Skin care that rebuilds")
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
# Products per page of every product list: catalogue, search, categories and
# Oscar's offer pages (products/views.py reads it too).
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
# Stock alerts are not a feature of the shop: their pages are not routed
# (shop/commerce/accounts/apps.py), and saving stock sends no alert e-mails.
OSCAR_EAGER_ALERTS = False
# A guest may use an address that has an account: refusing would tell anyone
# which addresses have one.
OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT = True
# What happens to an order, and what staff may change it to next: each
# payment method starts its orders in a status of its own (statuses.py and
# placing.py in shop/commerce/). Cancelling releases the stock, shipping
# consumes it (shop/commerce/orders.py). A Vipps order is "Payment reserved"
# once approved: shipping it captures the money, cancelling it releases the
# reservation (shop/commerce/order/handling.py).
OSCAR_INITIAL_ORDER_STATUS = OrderStatus.AWAITING_PAYMENT
OSCAR_ORDER_STATUS_PIPELINE = {
    OrderStatus.PENDING_PAYMENT: (
        OrderStatus.PAID,
        OrderStatus.PAYMENT_RESERVED,
        OrderStatus.CANCELLED,
    ),
    OrderStatus.PAYMENT_RESERVED: (OrderStatus.SHIPPED, OrderStatus.CANCELLED),
    OrderStatus.AWAITING_PAYMENT: (OrderStatus.PAID, OrderStatus.CANCELLED),
    OrderStatus.PAID: (OrderStatus.SHIPPED, OrderStatus.CANCELLED),
    OrderStatus.SHIPPED: (),
    OrderStatus.CANCELLED: (),
}
OSCAR_INITIAL_LINE_STATUS = LineStatus.NEW
OSCAR_LINE_STATUS_PIPELINE = {
    LineStatus.NEW: (LineStatus.SHIPPED, LineStatus.CANCELLED)
}
OSCAR_ORDER_STATUS_CASCADE = {
    OrderStatus.SHIPPED: LineStatus.SHIPPED,
    OrderStatus.CANCELLED: LineStatus.CANCELLED,
}
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

# Days an invoice customer has to pay (the invoice's due date).
SHOP_INVOICE_DUE_DAYS = 14

# Articles per page of the article list and of topic and author pages: fewer
# than products, as each card has a large picture and an excerpt.
SHOP_ARTICLES_PER_PAGE = 12

# --- Search engines and link previews -------------------------------------------------
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
# The right of withdrawal (shop/commerce/withdrawals/rules.py): the shop does
# not know when a parcel arrives, so the withdrawal page counts the 14 days
# (return_days above) from this many days after the order was marked shipped.
SHOP_WITHDRAWAL_GRACE_DAYS = env.int("SHOP_WITHDRAWAL_GRACE_DAYS", default=14)
# --- Payments ------------------------------------------------------------------
# Invoice needs no set-up. Card payment (Stripe's hosted Checkout) is offered
# when a secret key is set; the webhook secret verifies Stripe's callbacks.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Only for tests and local trials against a fake Stripe server.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
STRIPE_TIMEOUT_SECONDS = env.float("STRIPE_TIMEOUT_SECONDS", default=10)
# The methods Stripe's page offers, as Stripe names them: "card" alone, or
# "card,klarna" to let customers pay with Klarna there too (switch Klarna on
# in Stripe's dashboard first). The checkout's card option then names it.
STRIPE_PAYMENT_METHOD_TYPES = env.list("STRIPE_PAYMENT_METHOD_TYPES", default=["card"])
# How long a customer has to pay on Stripe's page: the session expires then,
# which gives the order's stock back, and `reconcile_payments` settles card
# orders pending longer (if the expiry notice was lost). Stripe allows 30
# minutes to a day, less the shop's minute of margin.
STRIPE_PENDING_MINUTES = env.int("STRIPE_PENDING_MINUTES", default=30)
if not 30 <= STRIPE_PENDING_MINUTES <= 24 * 60 - 1:
    raise ImproperlyConfigured("STRIPE_PENDING_MINUTES must be from 30 to 1439.")
# Vipps MobilePay (ePayment API) is offered when all four keys from Vipps'
# merchant portal (portal.vippsmobilepay.com, "Utvikler"/"Developer") are set;
# the webhook secret, from `manage.py register_vipps_webhook`, verifies
# Vipps' callbacks.
VIPPS_CLIENT_ID = env("VIPPS_CLIENT_ID", default="")
VIPPS_CLIENT_SECRET = env("VIPPS_CLIENT_SECRET", default="")
VIPPS_SUBSCRIPTION_KEY = env("VIPPS_SUBSCRIPTION_KEY", default="")
VIPPS_MERCHANT_SERIAL_NUMBER = env("VIPPS_MERCHANT_SERIAL_NUMBER", default="")
VIPPS_WEBHOOK_SECRET = env("VIPPS_WEBHOOK_SECRET", default="")
# Vipps' production API; its test environment is https://apitest.vipps.no
# (with the test keys), and tests point it at a local fake.
VIPPS_API_BASE = env("VIPPS_API_BASE", default="https://api.vipps.no")
# How long one call waits for Vipps before the shop says it is unavailable.
VIPPS_TIMEOUT_SECONDS = env.float("VIPPS_TIMEOUT_SECONDS", default=10)

# --- Quantity limits -----------------------------------------------------------
# An unpaid order holds its units, so one basket may take no more than this
# many of one product, and this many items in all (Oscar's own setting).
SHOP_MAX_QUANTITY_PER_LINE = env.int("SHOP_MAX_QUANTITY_PER_LINE", default=10)
OSCAR_MAX_BASKET_QUANTITY_THRESHOLD = env.int("SHOP_MAX_ITEMS_PER_ORDER", default=20)

# --- Pickup points (Bring's Pickup Point API) ------------------------------------
# The delivery step lists the pickup points nearest the customer's postcode
# (shop/commerce/shipping/pickup_points.py). It asks Bring only with both
# Mybring keys (Mybring > API: the login e-mail and an API key); without them,
# or when Bring is slow or down, the customer is told the parcel goes to the
# pickup point nearest their address, and the checkout goes on.
BRING_API_BASE = env("BRING_API_BASE", default="https://api.bring.com")
BRING_API_UID = env("BRING_API_UID", default="")
BRING_API_KEY = env("BRING_API_KEY", default="")
# Bring asks every caller to name its site (X-Bring-Client-URL).
BRING_CLIENT_URL = env("BRING_CLIENT_URL", default=SHOP_SITE_URL)
# How long the delivery step waits for Bring before it uses the fallback.
BRING_TIMEOUT_SECONDS = env.float("BRING_TIMEOUT_SECONDS", default=2)

# The carrier's tracking page; "{number}" becomes the parcel's tracking number
# (the shipped e-mail and the order's admin page link to it).
SHOP_TRACKING_URL = env(
    "SHOP_TRACKING_URL", default="https://sporing.posten.no/sporing/{number}"
)

# --- E-mail ------------------------------------------------------------------
# Who hears about new orders.
SHOP_ORDER_NOTIFICATION_EMAILS = env.list(
    "SHOP_ORDER_NOTIFICATION_EMAILS", default=[SHOP_COMPANY["email"]]
)
# An e-mail the mail server refused is tried again this long after, then
# after twice as long each time, at most an hour (shop/commerce/outbox/mail.py).
SHOP_EMAIL_RETRY_SECONDS = env.int("SHOP_EMAIL_RETRY_SECONDS", default=60)
# How often the scheduler sends what is due (retries, and e-mails a lost
# broker never queued).
SHOP_EMAIL_SWEEP_SECONDS = env.int("SHOP_EMAIL_SWEEP_SECONDS", default=30)
# How long a sender holds an e-mail it is sending: longer than the slowest
# send (EMAIL_TIMEOUT per SMTP step, and the PDFs), so a slow send is never
# taken for a dead one. A killed worker's e-mail goes out after this.
SHOP_EMAIL_CLAIM_SECONDS = env.int("SHOP_EMAIL_CLAIM_SECONDS", default=300)

# --- Background work (shop/celery.py) -------------------------------------------
# The broker the app servers queue tasks on and the worker takes them from:
# amqp://user:password@host:5672// (RabbitMQ) or redis://host:6379/1. Unset,
# every task runs in-process right after its change commits (zero set-up).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="").strip()
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# In-process, a task's error is the request's error, as before there were tasks.
CELERY_TASK_EAGER_PROPAGATES = True
# Acknowledged once run, so a task whose worker was killed is delivered again
# (every task may run twice); one task at a time per worker process, so a
# long one holds up no other that process had taken ahead.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Outcomes are in the database (the outbox, the orders): no result store.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Oslo"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# A broker that is down costs a request two seconds at most, then the task
# is left to its sweep (shop/core/jobs.py).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
# The periodic jobs, run by `celery -A shop beat` (`make run`: `manage.py
# run_schedule`); no cron lines.
CELERY_BEAT_SCHEDULE = {
    "send due e-mails": {
        "task": "shop.commerce.outbox.tasks.send_due_emails",
        "schedule": SHOP_EMAIL_SWEEP_SECONDS,
    },
    # Confirms paid card and Vipps orders whose confirmation was lost, and
    # ends unpaid ones, which gives their reserved stock back.
    "settle pending payments": {
        "task": "shop.commerce.payments.tasks.settle_pending_payments",
        "schedule": 5 * 60,
    },
    "apply retention": {
        "task": "shop.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
}

# --- Personal data (shop/core/personal_data.py, shop/commerce/retention.py) ----------
# Orders keep their buyer for the bookkeeping period: bokføringsloven §13,
# five years after the end of the financial year (the calendar year) the
# order was placed in; `manage.py apply_retention` then anonymises them.
SHOP_BOOKKEEPING_YEARS = 5
# Open baskets nobody has added to for this many days are deleted.
SHOP_ABANDONED_BASKET_DAYS = env.int("SHOP_ABANDONED_BASKET_DAYS", default=30)
# Sent e-mails (their bodies are gone already) stay in the outbox's log this
# long, to answer "did you send my confirmation?".
SHOP_OUTBOX_KEEP_DAYS = env.int("SHOP_OUTBOX_KEEP_DAYS", default=180)
# "Download my data": files per account ("count/period", as the mail limits).
SHOP_DATA_EXPORT_RATE = env("SHOP_DATA_EXPORT_RATE", default="5/h")

# Whole public pages for visitors without a session or basket, renewed on any
# catalogue or article save; 0 turns the page cache off.
SHOP_PAGE_CACHE_SECONDS = env.int("SHOP_PAGE_CACHE_SECONDS", default=300)

# --- Content-Security-Policy (django-csp; shop/security/content_security.py) ----------
# Customer pages and Django admin run only the shop's own scripts and styles:
# no inline script, no event handler attribute, no other origin. JSON-LD
# blocks are data, which browsers never run, so they need no hash or nonce
# (and a nonce would be frozen into pages the page cache serves to everyone).
# The card payment page's origin joins form-action, and absolute MEDIA_URL
# and STATIC_URL origins join the sources, per request.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Stripe's hosted Checkout, where the order form's redirect goes for card
# payments (browsers hold redirects after a form post to form-action).
STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"
# Where the order form's redirect goes for Vipps: Vipps' landing page, the
# API's own addresses (production, test environment), whose links open the
# app, and on a phone the app itself ("vipps:" links, NATIVE_REDIRECT).
# VIPPS_API_BASE's origin joins them per request
# (shop/security/content_security.py), for a local fake Vipps.
VIPPS_LANDING_ORIGINS = (
    "https://landing.vipps.no",
    "https://api.vipps.no",
    "https://apitest.vipps.no",
    "vipps:",
)

# Pages kept out of search indexes by a robots meta tag and the X-Robots-Tag
# header (shop/storefront/seo.py): a visitor's own pages and search results.
SHOP_NOINDEX_PATHS = (
    # Bokmål (the address words of locale/nb), then English.
    *("/handlekurv/", "/kassen/", "/konto/", "/sok/"),
    *("/en/basket/", "/en/checkout/", "/en/accounts/", "/en/search/"),
    # The withdrawal page: a customer's own order.
    *("/angrerett/", "/en/withdrawal/"),
)
# Private pages: those and the staff pages (behind a sign-in, so nothing there
# to index). robots.txt disallows them, and the page cache never stores them
# and tells browsers and proxies not to either (shop/storefront/page_cache.py).
SHOP_PRIVATE_PATHS = (
    *SHOP_NOINDEX_PATHS,
    "/admin/",
    "/artikler/preview/",
    "/en/articles/preview/",
    # The language switcher only sets a cookie and redirects.
    "/language/",
    # What the load balancer asks (shop/core/health.py).
    "/healthz",
    "/readyz",
)

# --- Django core -------------------------------------------------------------
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1

INSTALLED_APPS = [
    # Before the admin, whose forms it extends with a field per language.
    "modeltranslation",
    # Django's admin, its index in staff's task order (shop/admin_site.py).
    "shop.apps.ShopAdminConfig",
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
    "shop.commerce.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.commerce.shipping.apps.ShippingConfig",
    "products.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.commerce.partner.apps.PartnerConfig",
    "shop.commerce.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "shop.commerce.offer.apps.OfferConfig",
    "shop.commerce.order.apps.OrderConfig",
    "shop.commerce.accounts.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    # Oscar's dashboard is not routed (shop/urls.py): staff work in Django
    # admin. Its apps stay installed because Oscar's own config looks them up.
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
    # Sign-in lockouts and rate limits; before the shop, whose admin hides
    # the axes logs the shop does not keep.
    "axes",
    "django_ratelimit",
    "shop.apps.ShopConfig",
    "shop.commerce.payments.apps.PaymentsConfig",
    "shop.commerce.outbox.apps.OutboxConfig",
    "shop.commerce.withdrawals.apps.WithdrawalsConfig",
    "shop.commerce.documents.apps.DocumentsConfig",
    "shop.storefront.apps.StorefrontConfig",
    "articles.apps.ArticlesConfig",
]

MIDDLEWARE = [
    # First: every line logged while answering carries the request's id, and
    # its own line has the status the layers below settled on.
    "shop.core.request_log.request_log_middleware",
    # A lost database connection: pages answered again, a clear 503 otherwise.
    "shop.core.database.database_connection_lost_middleware",
    # NUL in the address, a cookie or a header is a 400 before anything
    # queries the database with it (shop/security/input_guard.py).
    "shop.security.input_guard.refuse_unstorable_input_middleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages get the header too.
    "shop.security.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address (Bokmål at the root, English under /en/),
    # and 301s from the addresses the shop had before it spoke Bokmål.
    "shop.storefront.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # --- Page cache (shop/storefront/page_cache.py) ---
    # Inside everything that adds security headers, and after CommonMiddleware
    # has validated the Host, so a cached page is answered like a fresh one;
    # before authentication and baskets, which a cached page needs neither of.
    "shop.storefront.page_cache.page_cache_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "shop.commerce.basket.middleware.BasketMiddleware",
    "shop.commerce.basket.middleware.basket_notice_middleware",
    "shop.storefront.middleware.robots_header_middleware",
    # Last, as django-axes asks: turns a paused sign-in into our page.
    "axes.middleware.AxesMiddleware",
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.storefront.context_processors.shop",
            ],
        },
    }
]

# A blank value counts as unset (production refuses both: environment.py).
DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="").strip()
        or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
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
# Through pgbouncer in transaction pooling: DATABASE_POOLER=transaction
# (shop/settings/database.py says what changes, and why).
DATABASES["default"] = for_pooler(
    DATABASES["default"], env.str("DATABASE_POOLER", default="")
)
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# --- Caches fail open (shop/core/cache.py) --------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
# A cache call waits at most this long for Redis, then counts as a miss; a
# down or hung Redis makes pages slower, never errors. Sessions stay in the
# database (cached_db), so losing or evicting cache keys signs nobody out.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.25)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "shop.core.cache"
# Sessions' cached copies may live in a Redis of their own (REDIS_SESSIONS_URL),
# so the page cache filling its Redis never evicts them.
REDIS_SESSIONS_URL = env("REDIS_SESSIONS_URL", default="").strip()
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, timeout_seconds=REDIS_TIMEOUT_SECONDS)}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    if REDIS_SESSIONS_URL:
        CACHES["sessions"] = redis_cache(
            REDIS_SESSIONS_URL, timeout_seconds=REDIS_TIMEOUT_SECONDS
        )
        SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    # First: refuses a paused account or address before any password is tried.
    "axes.backends.AxesStandaloneBackend",
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
# Lazy, so both land in the visitor's language ("/konto/login/" or
# "/en/accounts/login/") rather than always in Bokmål.
LOGIN_URL = reverse_lazy("customer:login")
LOGIN_REDIRECT_URL = reverse_lazy("home")

# --- Sign-in lockout (django-axes; shop/commerce/accounts/lockout.py) -----------------
# Failed sign-ins are counted per account and per IP address; either reaching
# the limit within the cool-off pauses signing in, for that account from
# anywhere (many addresses trying one account) or for every account from that
# address (one address trying many). Staff lift a pause in admin (Access
# attempts), or `manage.py axes_reset_username`.
AXES_FAILURE_LIMIT = env.int("SHOP_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SHOP_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Tries during a pause do not extend it, so the page can say when it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "shop.commerce.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "shop.security.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "shop.commerce.accounts.lockout.lockout_response"
# Only failures are kept; a log of every successful sign-in is not needed.
AXES_DISABLE_ACCESS_LOG = True
# No banner on every manage.py command and worker start.
AXES_VERBOSE = False
# Never stored with a failed attempt: what was typed into any login form.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "password",
    "login-username",
    "login-password",
    "ip_address",
    "csrfmiddlewaretoken",
]

# --- Rate limits on forms that send e-mail (shop/security/rate_limits.py) -------------
# E-mails per visitor IP address, and per target address, for registration,
# password reset, account changes and guest orders ("count/period", period
# s, m, h or d). The counters need a cache all app processes share (Redis).
SHOP_MAIL_RATE_PER_IP = env("SHOP_MAIL_RATE_PER_IP", default="20/h")
SHOP_MAIL_RATE_PER_ADDRESS = env("SHOP_MAIL_RATE_PER_ADDRESS", default="3/h")
# Failed tries per visitor IP address at forms that find an order by its
# number and e-mail address (the withdrawal page), so order numbers cannot be
# guessed there.
SHOP_ORDER_LOOKUP_RATE_PER_IP = env("SHOP_ORDER_LOOKUP_RATE_PER_IP", default="10/h")
RATELIMIT_IP_META_KEY = "shop.security.client_ip.client_ip"
RATELIMIT_FAIL_OPEN = True
# How long the link that finishes creating an account works.
SHOP_SIGNUP_LINK_HOURS = env.int("SHOP_SIGNUP_LINK_HOURS", default=48)

# Load balancers or proxies in front of the app (each appends to
# X-Forwarded-For); 0 when clients connect directly (shop/security/client_ip.py).
SHOP_TRUSTED_PROXY_COUNT = env.int("SHOP_TRUSTED_PROXY_COUNT", default=0)

# --- Several app servers behind a load balancer (docs/operations.md) ------------------
# Which app server answered, in every request's log line
# (shop/core/request_log.py): set per server, else the machine's name.
SHOP_SERVER_NAME = env("SHOP_SERVER_NAME", default=socket.gethostname())

# Haystack is required by Oscar's search app, but the storefront searches the
# database itself; nothing is indexed, so saves need not signal Haystack.
HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}
}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# --- Languages (docs/architecture.md, "Two languages") ------------------------
# Bokmål is the shop's language, at the root; English lives under /en/. Pages
# outside the storefront (admin, sitemaps, webhooks) have no prefix.
LANGUAGE_CODE = "nb"
# Each named in its own language, as the language switcher shows it.
LANGUAGES = [("nb", "Norsk"), ("en", "English")]
USE_I18N = True
# Our catalogue first; then the Bokmål of Oscar's customer-facing strings
# that Oscar's own catalogue lacks (tests/i18n/test_oscar_catalogue.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_oscar"]
# "1. desember 2026" and "1 December 2026" (shop/core/formats/).
FORMAT_MODULE_PATH = ["shop.core.formats"]
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Translated content fields (products, articles, footer pages, shipping):
# one column per language. Bokmål is required in the admin; a text not yet
# written in one language is shown in the other, with a note on the page.
MODELTRANSLATION_DEFAULT_LANGUAGE = "nb"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("nb", "en")}
# Django's footer pages gain those columns too, so their migrations are ours.
MIGRATION_MODULES = {"flatpages": "shop.storefront.flatpages_migrations"}
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

# A CDN in front of the static files: SHOP_STATIC_URL names it, e.g.
# https://static.skinome.no/static/, and fetches from the shop's own
# /static/, which WhiteNoise keeps serving (it serves STATIC_URL's path).
STATIC_URL = env("SHOP_STATIC_URL", default="").strip() or "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Media storage (shop/settings/media.py; docs/operations.md) -----------------------
# Uploaded pictures and their renditions. "filesystem" (the default) keeps
# them in MEDIA_ROOT, served by the web server (or by the app while
# developing); "s3" keeps them in an S3-compatible bucket, which every app
# server shares, served from SHOP_MEDIA_URL: a CDN in front of the bucket, or
# blank for the bucket's own address. boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY itself. MEDIA_URL is that public base, so the
# Content-Security-Policy lets its pictures load.
SHOP_MEDIA_STORAGE = env("SHOP_MEDIA_STORAGE", default="").strip() or "filesystem"
if _problem := unknown_media_storage(SHOP_MEDIA_STORAGE):
    raise ImproperlyConfigured(_problem)
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
if SHOP_MEDIA_STORAGE == "s3":
    _bucket = {
        "bucket": env("SHOP_S3_BUCKET", default="").strip(),
        "endpoint_url": env("SHOP_S3_ENDPOINT_URL", default="").strip(),
        "region": env("SHOP_S3_REGION", default="").strip() or media.DEFAULT_S3_REGION,
    }
    MEDIA_URL = media.s3_public_url(
        **_bucket, public_url=env("SHOP_MEDIA_URL", default="").strip()
    )
    STORAGES["default"] = media.s3_storage(**_bucket, public_url=MEDIA_URL)

EMAIL_CONFIG = env.email_url_config(
    env.str("EMAIL_URL", default="").strip() or "consolemail://"
)
vars().update(EMAIL_CONFIG)
# A mail server that hangs must not hold up the customer's confirmation page;
# what times out is retried from the outbox.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT_SECONDS", default=10)
DEFAULT_FROM_EMAIL = OSCAR_FROM_EMAIL
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Error reports and logs (shop/security/log_privacy.py) ----------------------------
# Who is e-mailed about server errors: "Name <address>,Other <address>".
ADMINS = parse_admins(env("DJANGO_ADMINS", default=""))
# Error reports name the fields a visitor posted, never what was typed.
DEFAULT_EXCEPTION_REPORTER_FILTER = (
    "shop.security.log_privacy.PrivateExceptionReporterFilter"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # E-mail addresses and phone numbers are replaced in every record.
    "filters": {
        "personal_data": {"()": "shop.security.log_privacy.PersonalDataFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "once_per_minute": {"()": "shop.core.cache.OncePerInterval"},
        "request_id": {"()": "shop.core.request_ids.RequestIdFilter"},
    },
    # The request id on every line (shop/core/request_ids.py), so one
    # customer action can be followed across app servers and workers.
    "formatters": {
        "with_request_id": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "personal_data"],
            "formatter": "with_request_id",
        },
        # Server errors to ADMINS, straight to the mail server (not the outbox).
        "mail_admins": {
            "class": "shop.security.log_privacy.ScrubbedAdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Oscar logs every stock-alert run at INFO, even when it sends nothing.
        "oscar.alerts": {"level": "WARNING"},
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # Scanners send wrong Host headers all day: logged, not e-mailed.
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "propagate": False,
        },
        # A broken Redis fails every cache call: one line per kind a minute.
        "shop.core.cache": {"filters": ["once_per_minute"]},
    },
}
