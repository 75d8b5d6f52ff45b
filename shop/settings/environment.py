"""What production refuses to start without: one line per missing or unusable
environment variable, so an operator sees every problem in one go.

Pure functions over the environment's strings; `production.py` raises with
their lines. No value is ever echoed, since most of them hold passwords.
"""

from email.utils import parseaddr
from urllib.parse import urlsplit

# Backends that accept a message and send nothing.
NON_SENDING_EMAIL_SCHEMES = {"consolemail", "dummymail", "filemail", "memorymail"}
MAIL_SERVER_HINT = "smtp://, smtp+tls:// or smtps:// with your mail server"


def production_problems(environment):
    """Every reason the given environment cannot run the shop, one line each."""
    values = {name: value.strip() for name, value in environment.items()}
    checks = [
        _secret_key,
        _allowed_hosts,
        _site_url,
        _database,
        _email,
        _shared_cache,
        _stripe,
        _vipps,
        _admins,
        _media_storage,
        _static_url,
    ]
    return [line for check in checks for line in check(values)]


MEDIA_STORAGES = ("filesystem", "s3")


def unknown_media_storage(value):
    """The line that explains an unusable SHOP_MEDIA_STORAGE, or None."""
    if (value or "filesystem") in MEDIA_STORAGES:
        return None
    return (
        f"SHOP_MEDIA_STORAGE must be one of {', '.join(MEDIA_STORAGES)} "
        "(unset means filesystem): filesystem keeps pictures in MEDIA_ROOT, "
        "s3 in the bucket SHOP_S3_BUCKET."
    )


def parse_admins(value):
    """``Name <a@b>,Other <c@d>`` as Django's ADMINS: (name, address) pairs."""
    return [parseaddr(entry) for entry in value.split(",") if entry.strip()]


def _missing(name, hint):
    return f"{name} is not set: set it to {hint}."


def _secret_key(values):
    if values.get("DJANGO_SECRET_KEY"):
        return []
    return [
        _missing(
            "DJANGO_SECRET_KEY",
            "a long random string, e.g. from `python -c "
            "'import secrets; print(secrets.token_urlsafe(50))'`",
        )
    ]


def _allowed_hosts(values):
    if any(host.strip() for host in values.get("DJANGO_ALLOWED_HOSTS", "").split(",")):
        return []
    return [
        _missing(
            "DJANGO_ALLOWED_HOSTS",
            "the shop's host names, comma-separated, e.g. shop.skinome.no",
        )
    ]


def _site_url(values):
    url = values.get("SHOP_SITE_URL")
    if not url:
        return [
            _missing(
                "SHOP_SITE_URL",
                "the shop's public https address, e.g. https://shop.skinome.no",
            )
        ]
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.netloc:
        return []
    return [
        "SHOP_SITE_URL must be an https:// address with a host, e.g. "
        "https://shop.skinome.no: production serves only HTTPS, and canonical "
        "links, the sitemap and e-mails name this address."
    ]


def _database(values):
    if values.get("DATABASE_URL"):
        return []
    return [
        _missing(
            "DATABASE_URL",
            "the database, e.g. postgres://shop@db:5432/shop "
            "(production never falls back to SQLite)",
        )
    ]


def _email(values):
    url = values.get("EMAIL_URL")
    if not url:
        return [
            _missing(
                "EMAIL_URL",
                "the mail server, e.g. smtp+tls://user:password@smtp.example.com:587"
                " (password resets and order e-mails go out through it)",
            )
        ]
    # An unknown scheme is refused by django-environ already, while base.py reads it.
    scheme = urlsplit(url).scheme
    if scheme in NON_SENDING_EMAIL_SCHEMES:
        return [
            f"EMAIL_URL {scheme}:// sends no e-mail (messages would be logged or "
            f"dropped, and marked sent): set it to {MAIL_SERVER_HINT}."
        ]
    return []


def _shared_cache(values):
    """A page cache per worker serves old prices after a change: refused."""
    try:
        page_cache_seconds = int(values.get("SHOP_PAGE_CACHE_SECONDS") or 300)
    except ValueError:
        return ["SHOP_PAGE_CACHE_SECONDS must be a whole number of seconds (0: off)."]
    if page_cache_seconds <= 0 or values.get("REDIS_URL"):
        return []
    return [
        _missing(
            "REDIS_URL",
            "the shared cache, e.g. redis://cache:6379/0; without it every "
            "worker keeps a page cache of its own and visitors see old prices "
            "(or set SHOP_PAGE_CACHE_SECONDS=0 to turn the page cache off)",
        )
    ]


def _stripe(values):
    key, secret = values.get("STRIPE_SECRET_KEY"), values.get("STRIPE_WEBHOOK_SECRET")
    if key and not secret:
        return [
            "STRIPE_WEBHOOK_SECRET is not set while STRIPE_SECRET_KEY is: set it "
            "to the webhook endpoint's signing secret (whsec_...), or unset "
            "STRIPE_SECRET_KEY to turn card payment off."
        ]
    if secret and not key:
        return [
            "STRIPE_SECRET_KEY is not set while STRIPE_WEBHOOK_SECRET is: set it "
            "to the account's secret key, or unset both to turn card payment off."
        ]
    return []


VIPPS_KEYS = (
    "VIPPS_CLIENT_ID",
    "VIPPS_CLIENT_SECRET",
    "VIPPS_SUBSCRIPTION_KEY",
    "VIPPS_MERCHANT_SERIAL_NUMBER",
)


def _vipps(values):
    """All four keys or none; with them, the webhook secret (Vipps' callbacks
    are how the shop hears of a payment the customer left before returning)."""
    missing = [name for name in VIPPS_KEYS if not values.get(name)]
    if len(missing) == len(VIPPS_KEYS):
        if values.get("VIPPS_WEBHOOK_SECRET"):
            return [
                "VIPPS_WEBHOOK_SECRET is set while the Vipps keys are not: set "
                f"{', '.join(VIPPS_KEYS)} from Vipps' merchant portal, or unset "
                "VIPPS_WEBHOOK_SECRET to turn Vipps off."
            ]
        return []
    problems = [
        f"{name} is not set while other Vipps keys are: set it from Vipps' "
        "merchant portal (API keys of the sales unit), or unset all of "
        f"{', '.join(VIPPS_KEYS)} to turn Vipps off."
        for name in missing
    ]
    if not values.get("VIPPS_WEBHOOK_SECRET"):
        problems.append(
            "VIPPS_WEBHOOK_SECRET is not set while the Vipps keys are: set it to "
            "the secret `manage.py register_vipps_webhook "
            "https://<shop>/vipps/webhook/` prints."
        )
    return problems


def _admins(values):
    admins = parse_admins(values.get("DJANGO_ADMINS", ""))
    if all("@" in address for _, address in admins):
        return []
    return [
        "DJANGO_ADMINS must list who gets error reports as `Name <address>`, "
        "comma-separated, e.g. Ops <ops@skinome.no>."
    ]


def _media_storage(values):
    """Pictures in a bucket need the bucket and the address they are served
    from; an https page shows no picture from a plain-http address."""
    storage = values.get("SHOP_MEDIA_STORAGE", "")
    if problem := unknown_media_storage(storage):
        return [problem]
    if storage != "s3":
        return []
    problems = []
    if not values.get("SHOP_S3_BUCKET"):
        problems.append(
            _missing(
                "SHOP_S3_BUCKET",
                "the bucket that keeps the pictures, e.g. skinome-media "
                "(SHOP_MEDIA_STORAGE is s3)",
            )
        )
    url = values.get("SHOP_MEDIA_URL")
    if not url:
        problems.append(
            _missing(
                "SHOP_MEDIA_URL",
                "the https address pictures are served from: a CDN in front of "
                "the bucket, e.g. https://media.skinome.no/, or the bucket's own "
                "address (SHOP_MEDIA_STORAGE is s3)",
            )
        )
    elif not _served_securely(url):
        problems.append(
            "SHOP_MEDIA_URL must be an https:// address with a host, e.g. "
            "https://media.skinome.no/: the shop's pages are served over HTTPS, "
            "and browsers block their pictures from plain http."
        )
    return problems


# Browsers trust plain http from the machine itself as they trust https, so
# a local trial (make cluster, perf/) may serve pictures from its S3 stand-in.
LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


def _served_securely(url):
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.netloc:
        return True
    return parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS


def _static_url(values):
    """A CDN in front of the static files fetches them from the shop's own
    /static/ (WhiteNoise serves the path of STATIC_URL), over https."""
    url = values.get("SHOP_STATIC_URL")
    if not url:
        return []
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.netloc and parts.path == "/static/":
        return []
    return [
        "SHOP_STATIC_URL must be an https:// address ending in /static/, e.g. "
        "https://static.skinome.no/static/: the CDN in front of the shop's own "
        "/static/ files. Unset serves them from the shop's address."
    ]
