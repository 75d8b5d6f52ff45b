"""The real shop under faults: gunicorn with production settings over plain
HTTP (perf/settings.py), started per test with whatever broken service the
test hands it.

The demo shop is loaded once for the whole package (`shop_template`), and
every test serves its own fresh copy of it (`faulty_shop`): a copy of an
SQLite file, or a PostgreSQL database made from a template database. The
test reads what the server wrote (orders, e-mails) straight from that copy;
its own test database stays empty. The tests are marked `django_db` only so
that pytest-django sets the test database up for the loading.
"""

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import psycopg
import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation

from shop.demo import article_data as articles_demo
from shop.demo import catalogue_data as products_demo
from shop.demo import site_data as shop_demo
from tests.faulty_services import free_port
from tests.helpers import ADDRESS, DemoCatalogue

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
# What a page may take at most before the test counts it as hung.
PAGE_TIMEOUT_SECONDS = 10
# The test's own database connections, which faults leave alone.
TEST_CONNECTION = "faults-suite-test"
CUSTOMER_EMAIL = "kari@example.no"
CUSTOMER_PASSWORD = "kari-password"
# The suite's customers shop in English, under /en/. Plain paths, not
# reversed ones: some requests are sent from threads with no language active.
BASKET = "/en/basket/"
CHECKOUT = "/en/checkout/"
THANK_YOU = "/en/checkout/thank-you/"
PAYMENT_METHOD = "/en/checkout/payment-method/"
LOGIN = "/en/accounts/login/"
ACCOUNT = "/en/accounts/"
WEBHOOK = "/checkout/stripe/webhook/"  # Stripe's address has no language


@pytest.fixture(scope="session")
def collected_static():
    """Production's hashed static files, which every page names."""
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**server_environment(), "DATABASE_URL": "sqlite://:memory:"},
        check=True,
    )


def server_environment(**overrides):
    """Everything production settings need, spelled out. Without a Redis of
    the test's own, the page cache is off: production refuses one per worker."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "SHOP_", "STRIPE_", "EMAIL_", "REDIS_"))
        and name != "DATABASE_URL"
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "perf.settings",
        "DJANGO_SECRET_KEY": "faults-suite-only-not-a-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CONN_MAX_AGE": "600",
        "DJANGO_LOG_LEVEL": "WARNING",
        "EMAIL_URL": "smtp://127.0.0.1:1",
        "EMAIL_TIMEOUT_SECONDS": "1",
        # The public address production insists on; perf.settings serves the
        # same shop over plain HTTP on the port.
        "SHOP_SITE_URL": "https://127.0.0.1",
        **({} if "REDIS_URL" in overrides else {"SHOP_PAGE_CACHE_SECONDS": "0"}),
        **overrides,
    }


class ServerDatabase:
    """The copy of the demo shop one test's server uses."""

    def __init__(self, template, tmp_path):
        self.template = template
        if template.sqlite_file is not None:
            self.file = tmp_path / "shop.sqlite3"
            shutil.copyfile(template.sqlite_file, self.file)
            self.url = f"sqlite:///{self.file}"
        else:
            self.file = None
            self.name = f"{template.postgres['NAME']}_faults"
            with template.postgres_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                admin.execute(
                    f'CREATE DATABASE "{self.name}" TEMPLATE "{template.name}"'
                )
            self.url = template.postgres_url(self.name)

    def drop(self):
        if self.file is None:
            with self.template.postgres_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def connect(self):
        """A connection of the test's own; PostgreSQL's is marked so that
        `drop_server_connections` spares it."""
        if self.file is not None:
            return contextlib.closing(sqlite3.connect(self.file))
        return psycopg.connect(
            self.url.replace("postgres://", "postgresql://", 1),
            autocommit=True,
            application_name=TEST_CONNECTION,
        )

    def rows(self, sql):
        with self.connect() as reader:
            return reader.execute(sql).fetchall()

    def order_numbers(self):
        return [number for (number,) in self.rows("SELECT number FROM order_order")]

    def unsent_emails(self):
        sql = "SELECT count(*) FROM outbox_outgoingemail WHERE sent_at IS NULL"
        return self.rows(sql)[0][0]


class ShopServer:
    """gunicorn serving the shop; its log is kept for failure messages."""

    def __init__(self, *, environment, log_file, workers=2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.environment = {
            **environment,
            "SHOP_SITE_URL": f"https://127.0.0.1:{self.port}",
        }
        self.log_file = log_file
        self.workers = workers
        self.process = None

    def start(self):
        with open(self.log_file, "ab") as log:
            self.process = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "shop.wsgi",
                    "--workers",
                    str(self.workers),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--timeout",
                    "30",
                    # One import of the app, then forked: quicker to start.
                    "--preload",
                ],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log()}")
            try:
                if requests.get(self.url + "/robots.txt", timeout=5).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer:\n{self.log()}")

    def stop(self):
        """Kill gunicorn and its workers at once: a graceful stop waits
        seconds for each Django process to wind down, and nothing of theirs
        needs keeping."""
        if self.process is None or self.process.poll() is not None:
            return
        for pid in [*self.worker_pids(), self.process.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def worker_pids(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                # "pid (name) state ppid ...": the name may hold spaces.
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
        return pids

    def log(self):
        return Path(self.log_file).read_text(errors="replace")[-5000:]


class Visitor:
    """One browser: its cookies, the CSRF token, and every answer it got."""

    def __init__(self, server):
        self.server = server
        self.http = requests.Session()
        self.answers = []

    def get(self, path, **kwargs):
        response = self.http.get(
            urljoin(self.server.url, path), timeout=PAGE_TIMEOUT_SECONDS, **kwargs
        )
        self.answers.append((path, response.status_code))
        return response

    def post(self, path, data):
        response = self.http.post(
            urljoin(self.server.url, path),
            data={**data, "csrfmiddlewaretoken": self.http.cookies.get("csrftoken")},
            headers={"Referer": self.server.url + path},
            allow_redirects=False,
            timeout=PAGE_TIMEOUT_SECONDS,
        )
        self.answers.append((path, response.status_code))
        return response

    @property
    def server_errors(self):
        return [(path, status) for path, status in self.answers if status >= 500]

    def figures(self, fault):
        """One line for the record: requests sent, 5xx seen."""
        line = f"{fault}: {len(self.answers)} requests, {len(self.server_errors)} 5xx"
        print(line)  # noqa: T201 shown with the suite's output, for the record
        return line

    # --- what customers do ------------------------------------------------

    def walk_storefront(self, shop):
        """Every public page, as a reader arriving from a search engine."""
        for path in shop.storefront_paths:
            response = self.get(path)
            assert response.status_code < 500, (path, self.server.log())

    def add_routine(self, shop):
        response = self.post(
            f"/en/catalogue/routines/{shop.routine_slug}/add-to-basket/", {}
        )
        assert response.status_code == 302, (response.status_code, response.text[:500])

    def checkout_until_review(self, *, email="ola@example.no", method="invoice"):
        self.get(CHECKOUT)  # its forms set the CSRF cookie
        signed_in = "Your account" in self.get(BASKET).text
        steps = [
            (f"{CHECKOUT}shipping-address/", ADDRESS),
            (f"{CHECKOUT}shipping-method/", {"method_code": "pickup-point"}),
            (PAYMENT_METHOD, {"method": method}),
        ]
        if not signed_in:
            steps.insert(0, (CHECKOUT, {"username": email, "options": "anonymous"}))
        for path, data in steps:
            self.get(path)
            response = self.post(path, data)
            assert response.status_code == 302, (path, response.text[:1000])
        assert self.get(f"{CHECKOUT}preview/").status_code == 200

    def place_order(self):
        return self.post(
            f"{CHECKOUT}preview/", {"action": "place_order", "accept_terms": "on"}
        )

    def sign_in(self, email, password):
        self.get(LOGIN)
        response = self.post(
            LOGIN,
            {
                "login-username": email,
                "login-password": password,
                "login_submit": "Sign in",
            },
        )
        assert response.status_code == 302, response.text[:1000]


class ShopTemplate:
    """The demo shop, loaded once: the pages to walk, and where the data is."""

    def __init__(self, *, media_root, tmp_dir):
        self.media_root = media_root
        catalogue = DemoCatalogue()
        # A package fixture runs before the tests' own English is active.
        with translation.override("en"):
            self.products = [
                Page(product.title, product.get_absolute_url())
                for product in catalogue.products
            ]
            self.routine = Page(
                catalogue.routine.name, catalogue.routine.get_absolute_url()
            )
            self.routine_slug = catalogue.routine.slug
            category = catalogue.products[0].categories.first().get_absolute_url()
        with translation.override("nb"):
            bokmaal_product = catalogue.products[0].get_absolute_url()
        self.storefront_paths = [
            "/",
            category,
            self.products[0].url,
            self.routine.url,
            "/en/catalogue/",
            "/en/search/?q=cream",
            "/en/articles/",
            "/en/articles/skin-during-and-after-isotretinoin/",
            "/en/pages/shipping-and-returns/",
            "/robots.txt",
            "/sitemap.xml",
            "/sitemap-products.xml",
            "/en/articles/feed/",
            BASKET,
            CHECKOUT,
            # The same shop in Bokmål.
            bokmaal_product,
            "/produkter/",
            "/sok/?q=krem",
            "/artikler/",
            "/handlekurv/",
        ]
        self.sqlite_file = self.postgres = None
        if connection.vendor == "sqlite":
            self.sqlite_file = tmp_dir / "template.sqlite3"
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(self.sqlite_file)) as target:
                connection.connection.backup(target)
        else:
            self.postgres = dict(connection.settings_dict)
            self.name = f"{self.postgres['NAME']}_faults_template"
            connection.close()  # a template database must have no other connections
            with self.postgres_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                admin.execute(
                    f'CREATE DATABASE "{self.name}" TEMPLATE "{self.postgres["NAME"]}"'
                )

    def drop(self):
        if self.postgres is not None:
            with self.postgres_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def postgres_url(self, name):
        settings = self.postgres
        user = settings["USER"] or "root"
        auth = f"{user}:{settings['PASSWORD']}" if settings["PASSWORD"] else user
        host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
        return f"postgres://{auth}@{host}/{name}"

    def postgres_admin(self):
        url = self.postgres_url("postgres").replace("postgres://", "postgresql://")
        return psycopg.connect(url, autocommit=True, application_name=TEST_CONNECTION)


@dataclass(frozen=True)
class Page:
    title: str
    url: str


@pytest.fixture(scope="package")
def shop_template(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo shop and Kari's account, loaded once: committed to the test
    database, copied aside (a file, or a template database), and emptied
    from the test database again, which other tests expect empty."""
    media_root = tmp_path_factory.mktemp("faults-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        products_demo.load()
        shop_demo.load_shipping_methods()
        shop_demo.load_footer_pages()
        articles_demo.load()
        create_customer()
        try:
            template = ShopTemplate(
                media_root=media_root, tmp_dir=tmp_path_factory.mktemp("faults-db")
            )
        finally:
            call_command("flush", interactive=False, verbosity=0)
    yield template
    template.drop()


def create_customer():
    """Kari, with a password the server's own (production) hashers can check:
    the test settings hash with MD5, which production does not accept."""
    User = get_user_model()
    User.objects.create(
        username="kari",
        email=CUSTOMER_EMAIL,
        password=PBKDF2PasswordHasher().encode(
            CUSTOMER_PASSWORD, "faults-suite-salt", iterations=1000
        ),
    )


class FaultyShop:
    """One test's fresh copy of the demo shop."""

    def __init__(self, template, database):
        self.database = database
        self.products = template.products
        self.routine = template.routine
        self.routine_slug = template.routine_slug
        self.storefront_paths = template.storefront_paths
        self.media_root = template.media_root


@pytest.fixture
def faulty_shop(shop_template, tmp_path, collected_static):
    database = ServerDatabase(shop_template, tmp_path)
    yield FaultyShop(shop_template, database)
    database.drop()


@pytest.fixture
def start_shop(faulty_shop, tmp_path):
    """``start_shop(REDIS_URL=..., EMAIL_URL=...)``: the shop served with
    those settings; stopped after the test."""
    servers = []

    def start(**environment):
        environment = server_environment(
            DATABASE_URL=faulty_shop.database.url,
            DJANGO_MEDIA_ROOT=str(faulty_shop.media_root),
            **environment,
        )
        server = ShopServer(
            environment=environment, log_file=tmp_path / f"gunicorn{len(servers)}.log"
        )
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def assert_no_server_errors(visitor):
    assert visitor.server_errors == [], visitor.server.log()
