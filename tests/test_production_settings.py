"""Production refuses to start half-configured, with one line per problem.

Each test starts a fresh Python with `shop.settings.production` and only the
environment it gives, as gunicorn would start it on a server.
"""

import gzip
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP = "import django; django.setup()"
REQUIRED = [
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "SHOP_SITE_URL",
    "DATABASE_URL",
    "EMAIL_URL",
    "REDIS_URL",
]


@pytest.fixture
def complete_environment(tmp_path):
    """Everything production needs, with card payments on and error reports."""
    return {
        "DJANGO_SECRET_KEY": "k3Jq9-vX2mT8zR4wL6pN1bY7cF5hG0dS-aE3uI9oP2kM8nB4vC6xZ",
        "DJANGO_ALLOWED_HOSTS": "shop.skinome.no",
        "SHOP_SITE_URL": "https://shop.skinome.no",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shop.sqlite3'}",
        "EMAIL_URL": "smtp+tls://shop:mail-password@smtp.example.com:587",
        "REDIS_URL": "redis://127.0.0.1:6379/10",
        "STRIPE_SECRET_KEY": "sk_live_example",
        "STRIPE_WEBHOOK_SECRET": "whsec_example",
        "DJANGO_ADMINS": "Ops <ops@skinome.example>,Dev Team <dev@skinome.example>",
    }


def start_production(environment, *command):
    """Run ``command`` (default: Django's set-up) under production settings."""
    return subprocess.run(
        command or [sys.executable, "-c", SETUP],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "shop.settings.production",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def problem_lines(result):
    """The lines of the refusal that name a variable, one per problem."""
    return [
        line.strip()[2:]
        for line in result.stderr.splitlines()
        if line.strip().startswith("- ")
    ]


def test_an_empty_environment_is_refused_with_a_line_for_every_variable():
    result = start_production({})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    named = [line.split()[0] for line in problem_lines(result)]
    assert named == REQUIRED


@pytest.mark.parametrize("variable", REQUIRED)
def test_a_missing_value_is_refused_with_its_line(complete_environment, variable):
    del complete_environment[variable]
    result = start_production(complete_environment)
    assert result.returncode != 0
    lines = problem_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{variable} is not set: set it to ")


def test_blank_values_count_as_missing(complete_environment):
    blanks = dict.fromkeys(REQUIRED, "  ")
    blanks["DJANGO_ALLOWED_HOSTS"] = " , "
    result = start_production({**complete_environment, **blanks})
    assert result.returncode != 0
    named = [line.split(" is not set")[0] for line in problem_lines(result)]
    assert named == REQUIRED


@pytest.mark.parametrize(
    ("changes", "line_start"),
    [
        (
            {"SHOP_SITE_URL": "http://shop.skinome.no"},
            "SHOP_SITE_URL must be an https:// address",
        ),
        ({"SHOP_SITE_URL": "shop.skinome.no"}, "SHOP_SITE_URL must be an https://"),
        ({"EMAIL_URL": "consolemail://"}, "EMAIL_URL consolemail:// sends no e-mail"),
        ({"EMAIL_URL": "dummymail://"}, "EMAIL_URL dummymail:// sends no e-mail"),
        ({"EMAIL_URL": "memorymail://"}, "EMAIL_URL memorymail:// sends no e-mail"),
        (
            {"EMAIL_URL": "filemail:///var/mail/shop"},
            "EMAIL_URL filemail:// sends no e-mail",
        ),
        (
            {"STRIPE_WEBHOOK_SECRET": ""},
            "STRIPE_WEBHOOK_SECRET is not set while STRIPE_SECRET_KEY is",
        ),
        (
            {"STRIPE_SECRET_KEY": " "},
            "STRIPE_SECRET_KEY is not set while STRIPE_WEBHOOK_SECRET is",
        ),
        ({"DJANGO_ADMINS": "ops at skinome"}, "DJANGO_ADMINS must list"),
        (
            {"VIPPS_WEBHOOK_SECRET": "vipps-secret"},
            "VIPPS_WEBHOOK_SECRET is set while the Vipps keys are not",
        ),
    ],
)
def test_a_value_production_cannot_work_with_is_refused_with_its_line(
    complete_environment, changes, line_start
):
    result = start_production({**complete_environment, **changes})
    assert result.returncode != 0
    lines = problem_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(line_start), lines[0]


def test_secrets_are_never_printed_in_the_refusal(complete_environment):
    result = start_production(
        {
            **complete_environment,
            "EMAIL_URL": "consolemail://shop:mail-password@localhost",
            "STRIPE_WEBHOOK_SECRET": "",
        }
    )
    assert len(problem_lines(result)) == 2
    assert "mail-password" not in result.stderr
    assert "sk_live_example" not in result.stderr


def test_without_redis_production_starts_only_with_the_page_cache_off(
    complete_environment,
):
    del complete_environment["REDIS_URL"]
    result = start_production({**complete_environment, "SHOP_PAGE_CACHE_SECONDS": "0"})
    assert result.returncode == 0, result.stderr


def test_a_complete_environment_passes_the_deploy_checks(complete_environment):
    result = start_production(
        complete_environment, sys.executable, "manage.py", "check", "--deploy"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


CHECKS_OVER_PLAIN_HTTP = """
import django; django.setup()
from django.core.signals import request_finished
from django.test import Client
# The outbox's retry after a request would need the (unmigrated) database.
request_finished.disconnect(dispatch_uid="outbox.retry_unsent_email")
client = Client(HTTP_HOST="shop.skinome.no")
print(client.get("/healthz").status_code, client.get("/robots.txt").status_code)
"""


def test_the_load_balancer_checks_its_servers_over_plain_http(complete_environment):
    """Every other page is redirected to HTTPS; the health check is not."""
    result = start_production(
        complete_environment, sys.executable, "-c", CHECKS_OVER_PLAIN_HTTP
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]


def test_card_payment_may_stay_off(complete_environment):
    del complete_environment["STRIPE_SECRET_KEY"]
    del complete_environment["STRIPE_WEBHOOK_SECRET"]
    result = start_production(complete_environment)
    assert result.returncode == 0, result.stderr


def test_the_measuring_server_environment_is_complete_for_production():
    """`make bench` and `make audit` start perf.settings, which is production's."""
    from perf.server import shop_environment

    environment = shop_environment(
        database_url="postgres://root@127.0.0.1:5432/shop_bench", port=8100
    )
    assert environment["DJANGO_SETTINGS_MODULE"] == "perf.settings"
    result = subprocess.run(
        [sys.executable, "-c", SETUP],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


class FakeSentry(BaseHTTPRequestHandler):
    """Takes Sentry envelopes as sentry.io does and keeps their bodies."""

    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.received.append(body.decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_sentry():
    FakeSentry.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSentry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


REPORT_ERRORS = """
import logging, django, sentry_sdk
django.setup()
print("initialised" if sentry_sdk.is_initialized() else "off")
logging.getLogger("shop.commerce.orders").error(
    "Order 100001: could not write to %s or call %s",
    "kari@example.no",
    "+47 412 34 567",
)
try:
    raise RuntimeError("no reply from ola@example.no")
except RuntimeError:
    logging.getLogger("shop.commerce.outbox.mail").exception("Sending failed")
sentry_sdk.flush(timeout=10)
"""


def test_errors_reach_sentry_when_a_dsn_is_set_without_personal_data(
    complete_environment, fake_sentry
):
    port = fake_sentry.server_address[1]
    complete_environment["SENTRY_DSN"] = f"http://public@127.0.0.1:{port}/1"

    result = start_production(complete_environment, sys.executable, "-c", REPORT_ERRORS)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "initialised"
    sent = "\n".join(FakeSentry.received)
    assert "Order 100001: could not write to [email] or call [phone]" in sent
    assert "no reply from [email]" in sent
    for personal in ["kari@example.no", "ola@example.no", "412 34 567"]:
        assert personal not in sent
        assert personal not in result.stderr  # the console log line too


def test_without_a_dsn_nothing_is_sent_to_sentry(complete_environment):
    result = start_production(complete_environment, sys.executable, "-c", REPORT_ERRORS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "off"


VIPPS_KEYS = {
    "VIPPS_CLIENT_ID": "vipps-client-id",
    "VIPPS_CLIENT_SECRET": "vipps-client-secret",
    "VIPPS_SUBSCRIPTION_KEY": "vipps-subscription-key",
    "VIPPS_MERCHANT_SERIAL_NUMBER": "123456",
}


@pytest.mark.parametrize(
    ("changes", "line_start"),
    [
        ({}, "VIPPS_WEBHOOK_SECRET is not set while the Vipps keys are"),
        (
            {"VIPPS_MERCHANT_SERIAL_NUMBER": " ", "VIPPS_WEBHOOK_SECRET": "s"},
            "VIPPS_MERCHANT_SERIAL_NUMBER is not set while other Vipps keys are",
        ),
    ],
)
def test_vipps_half_configured_is_refused_with_its_line(
    complete_environment, changes, line_start
):
    result = start_production({**complete_environment, **VIPPS_KEYS, **changes})
    assert result.returncode != 0
    lines = problem_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(line_start), lines[0]
    assert "vipps-client-secret" not in result.stderr


def test_vipps_with_its_four_keys_and_webhook_secret_starts(complete_environment):
    environment = {**complete_environment, **VIPPS_KEYS, "VIPPS_WEBHOOK_SECRET": "s"}
    result = start_production(environment)
    assert result.returncode == 0, result.stderr


PICTURES_IN_A_BUCKET = {
    "SHOP_MEDIA_STORAGE": "s3",
    "SHOP_S3_BUCKET": "skinome-media",
    "SHOP_MEDIA_URL": "https://media.skinome.no/",
    "AWS_ACCESS_KEY_ID": "media-key-id",
    "AWS_SECRET_ACCESS_KEY": "media-secret-key",
}


@pytest.mark.parametrize(
    ("changes", "line_start"),
    [
        ({"SHOP_S3_BUCKET": " "}, "SHOP_S3_BUCKET is not set: set it to the bucket"),
        ({"SHOP_MEDIA_URL": ""}, "SHOP_MEDIA_URL is not set: set it to the https"),
        (
            {"SHOP_MEDIA_URL": "http://media.skinome.no/"},
            "SHOP_MEDIA_URL must be an https:// address",
        ),
    ],
)
def test_pictures_in_a_bucket_half_configured_are_refused_with_their_line(
    complete_environment, changes, line_start
):
    environment = {**complete_environment, **PICTURES_IN_A_BUCKET, **changes}
    result = start_production(environment)
    assert result.returncode != 0
    lines = problem_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(line_start), lines[0]
    assert "media-secret-key" not in result.stderr


def test_pictures_from_a_local_stand_in_over_plain_http_are_allowed(
    complete_environment,
):
    """make cluster's S3 stand-in: browsers trust loopback addresses."""
    environment = {
        **complete_environment,
        **PICTURES_IN_A_BUCKET,
        "SHOP_MEDIA_URL": "http://127.0.0.1:9000/shop-media",
    }
    result = start_production(environment)
    assert result.returncode == 0, result.stderr


def test_an_unknown_media_storage_is_refused_naming_the_choices(complete_environment):
    result = start_production({**complete_environment, "SHOP_MEDIA_STORAGE": "nfs"})
    assert result.returncode != 0
    assert "SHOP_MEDIA_STORAGE must be one of filesystem, s3" in result.stderr


def test_an_unknown_media_storage_is_a_problem_line_of_its_own(complete_environment):
    from shop.settings.environment import production_problems

    environment = {**complete_environment, "SHOP_MEDIA_STORAGE": "nfs"}
    assert production_problems(environment) == [
        "SHOP_MEDIA_STORAGE must be one of filesystem, s3 (unset means "
        "filesystem): filesystem keeps pictures in MEDIA_ROOT, s3 in the bucket "
        "SHOP_S3_BUCKET."
    ]


def test_pictures_in_a_bucket_pass_the_deploy_checks(complete_environment):
    result = start_production(
        {**complete_environment, **PICTURES_IN_A_BUCKET},
        sys.executable,
        "manage.py",
        "check",
        "--deploy",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "address",
    [
        "http://static.skinome.no/static/",
        "https://static.skinome.no/",
        "/assets/",
    ],
)
def test_a_static_address_a_cdn_cannot_serve_is_refused_with_its_line(
    complete_environment, address
):
    result = start_production({**complete_environment, "SHOP_STATIC_URL": address})
    assert result.returncode != 0
    (line,) = problem_lines(result)
    assert line.startswith("SHOP_STATIC_URL must be an https:// address ending in")


def test_static_files_behind_a_cdn_are_named_by_its_address(complete_environment):
    environment = {
        **complete_environment,
        "SHOP_STATIC_URL": "https://static.skinome.no/static/",
    }
    result = start_production(
        environment,
        sys.executable,
        "-c",
        SETUP + "\nfrom django.conf import settings\nprint(settings.STATIC_URL)",
    )
    assert result.returncode == 0, result.stderr
    # Pages name the CDN's address; the CSP admits its origin
    # (tests/test_content_security_policy.py).
    assert result.stdout.strip() == "https://static.skinome.no/static/"


def test_sessions_may_keep_their_copies_in_a_redis_of_their_own(complete_environment):
    environment = {
        **complete_environment,
        "REDIS_SESSIONS_URL": "redis://sessions.internal:6379/0",
    }
    result = start_production(
        environment,
        sys.executable,
        "-c",
        SETUP + "\nfrom django.conf import settings\n"
        "print(settings.CACHES[settings.SESSION_CACHE_ALIAS]['LOCATION'])\n"
        "print(settings.CACHES['default']['LOCATION'])",
    )
    assert result.returncode == 0, result.stderr
    sessions, default = result.stdout.splitlines()
    assert sessions == "redis://sessions.internal:6379/0"
    assert default == "redis://127.0.0.1:6379/10"  # the page cache stays apart
