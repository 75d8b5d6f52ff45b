"""`make bench`: the shop under load, as production runs it, next to a bare
Django page of the same size through the same server.

    python -m perf.bench [--scale 10000] [--seconds 10] [--concurrency 8]
                         [--port 8100] [--database-url URL] [--short]
                         [--cluster]

It fills a PostgreSQL database (perf/data.py), starts local fakes of Stripe,
Vipps and a mail server (perf/fakes.py) and gunicorn with DEBUG off pointed
at them (perf/server.py), and measures from this machine, `concurrency`
clients at a time for `seconds` per measurement:

- Storefront pages, each driven by `hey` (a standard HTTP load tool, bounded
  by time) for three visitors: a new visitor (no cookies: what a search
  engine sends, served by the page cache where the page allows it), one with
  1 product in the basket, and one who added the whole routine (its offer
  applies); their pages are rendered for them. Per visitor: requests/s, p50
  and p99 latency, and the ratio to the bare page (a view returning as many
  bytes, loaded in the same run). SQL per rendered page is counted
  in-process with the server's settings, for visitors with 1, 10 and 50
  products in the basket (shown "9/9/9") and with the routine.
- Checkout steps: add to basket (a POST by a new visitor each time) and the
  GET of each checkout page for a guest who has done every step up to the
  review page; p50, p99 and SQL per request.
- Full guest checkouts by invoice, card and Vipps (perf/checkout_load.py):
  orders/s, the whole checkout's p50 and p99, each step's p99, failed
  checkouts, and the orders the checkouts left in the database, which must
  be as many as those completed.

With `--cluster` the same load goes through HAProxy to the local cluster
(perf/cluster/: two app servers, pgbouncer, Redis, the worker, the S3
stand-in) on `port` and the ports after it, instead of to one gunicorn.

The full run writes BENCHMARKS.md (BENCHMARKS-cluster.md with `--cluster`;
perf/report.py), with the targets; the short one (CI) writes nothing.
`--port` keeps a run clear of another one's server. Where one checkout
request's time goes: `python -m perf.profile`.
"""

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

from perf import checkout_load, cluster, data, fakes, report, server

ROOT = Path(__file__).resolve().parent.parent
LINES = (1, 10, 50)  # products in the basket, for the SQL per page
BOUGHT_PRODUCTS = 50  # the full checkouts buy these in turn
STOCK_PER_FLOW = 1000  # units of each put on sale again before each flow
STARTED = time.monotonic()
CLUSTER_LOG = ROOT / "perf" / "results" / "cluster.log"


@dataclass
class Page:
    """A page or step to load: its request, the SQL it costs per basket
    (label → queries), its size, and what each visitor's load gave."""

    name: str
    path: str
    method: str = "GET"
    body: str = ""
    expected: int = 200
    queries: dict = field(default_factory=dict)
    size: int = 0
    loads: dict = field(default_factory=dict)  # visitor → hey's summary
    bare: dict = field(default_factory=dict)


@dataclass
class Catalogue:
    """The products the run uses: the product page's, the routine, the
    products of the bigger baskets, and those the full checkouts buy."""

    product: object
    routine: object
    in_baskets: list
    bought: list


def main():
    options = parse_arguments()
    if not shutil.which("hey"):
        sys.exit("`hey` is missing: run `make bench-deps` (Debian's hey package).")
    server.refuse_a_taken_port(options.port)  # now, not after the preparing
    progress(f"Preparing {options.database_url} with {options.scale} products")
    data.prepare(options.database_url, options.scale)
    base_url = f"http://127.0.0.1:{options.port}"
    with fakes.running() as services:
        environment = bench_environment(options, services)
        # This process counts queries with the server's own settings.
        os.environ.update(environment)
        import django

        django.setup()
        send_webhooks_to_the_shop(services, base_url)
        send_what_others_left_unsent()
        catalogue = find_catalogue()
        pages, steps = storefront_pages(catalogue), checkout_steps(catalogue)
        progress("Counting SQL per request in-process")
        count_storefront_queries(pages, catalogue)
        count_step_queries(steps, catalogue)
        with serving(options, environment, services):
            progress("Storefront pages")
            measure_storefront(base_url, options, pages, catalogue)
            shop = shop_for_clients(
                base_url,
                [add_path(product) for product in catalogue.bought],
                stripe_url=services["stripe"].settings["STRIPE_API_BASE"],
                vipps_url=services["vipps"].settings["VIPPS_API_BASE"],
            )
            progress("Checkout steps")
            measure_steps(base_url, options, steps, shop)
            progress("Full guest checkouts")
            flows = [
                measure_checkouts(shop, options, method, catalogue)
                for method in checkout_load.METHODS
            ]
    text = report.render(options, machine(options), pages, steps, flows)
    print("\n" + text)
    if not options.short:
        name = "BENCHMARKS-cluster.md" if options.cluster else "BENCHMARKS.md"
        (ROOT / name).write_text(text)
        print(f"Written to {name}")


@contextmanager
def serving(options, environment, services):
    """One gunicorn on ``options.port``, or the cluster behind HAProxy there,
    its parts' lines written to perf/results/cluster.log."""
    if not options.cluster:
        with server.running_shop(
            database_url=options.database_url,
            port=options.port,
            environment=environment,
        ):
            yield
        return
    CLUSTER_LOG.parent.mkdir(exist_ok=True)
    progress(f"Starting the cluster; its lines go to {CLUSTER_LOG.relative_to(ROOT)}")
    with (
        CLUSTER_LOG.open("w") as log,
        cluster.running_cluster(
            ports=cluster_ports(options.port),
            database=urlsplit(options.database_url).path.lstrip("/"),
            environment=fakes_and_limits(services),
            output=log,
        ),
    ):
        yield


def cluster_ports(port):
    """HAProxy on ``port``, the rest on the ports after it: clear of a
    `make cluster` on its own."""
    return cluster.Ports(
        haproxy=port,
        app1=port + 1,
        app2=port + 2,
        pgbouncer=port + 3,
        redis=port + 4,
        s3=port + 5,
    )


def progress(text):
    print(f"[{time.monotonic() - STARTED:.0f} s] {text} ...", flush=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=server.DEFAULT_DATABASE_URL)
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--port", type=int, default=8100, help="where gunicorn listens (8100)"
    )
    parser.add_argument(
        "--short", action="store_true", help="a quick run that writes nothing (CI)"
    )
    parser.add_argument(
        "--cluster",
        action="store_true",
        help="through HAProxy to the local cluster (perf/cluster/) on --port",
    )
    options = parser.parse_args()
    if options.short:
        options.scale, options.seconds = min(options.scale, 200), 1
    return options


def bench_environment(options, services):
    """The measuring environment (perf/server.py), pointed at the fakes."""
    return {
        **server.shop_environment(database_url=options.database_url, port=options.port),
        **fakes_and_limits(services),
    }


def fakes_and_limits(services):
    return {
        **fakes.shop_settings(services),
        # Each order counts against the limit on e-mails per visitor address
        # (20 an hour), and every client of the bench is 127.0.0.1, unlike
        # production's customers. Still counted, never reached.
        "SHOP_MAIL_RATE_PER_IP": "1000000/h",
    }


def send_webhooks_to_the_shop(services, base_url):
    """As Stripe and Vipps are set up in production: their notices go to the
    shop's webhooks, and the orders are settled as production settles them."""
    from django.urls import reverse

    services["stripe"].send_webhooks_to(base_url + reverse("stripe-webhook"))
    services["vipps"].send_webhooks_to(base_url + reverse("vipps-webhook"))


def send_what_others_left_unsent():
    """What another run left unsent (one with a mail server nobody answers)
    goes out now, to the mail sink, rather than to a worker mid-measurement."""
    from shop.commerce.outbox import mail

    mail.send_pending()


def find_catalogue():
    from products.models import Product, Routine

    scaled = Product.objects.filter(upc__startswith="SCALE").order_by("pk")
    product = (
        scaled[scaled.count() // 2] if scaled.exists() else Product.objects.first()
    )
    on_sale = Product.objects.filter(stockrecords__isnull=False, is_public=True)
    on_sale = on_sale.order_by("pk")
    others = on_sale.exclude(pk=product.pk)
    return Catalogue(
        product=product,
        routine=Routine.objects.first(),
        in_baskets=list(on_sale[: max(LINES)]),
        # The product page's product is never bought, so its page (and its
        # stock) stays what the storefront measurements saw.
        bought=list(others.filter(upc__startswith="SCALE")[:BOUGHT_PRODUCTS])
        or list(others[:BOUGHT_PRODUCTS]),
    )


def storefront_pages(catalogue):
    from django.conf import settings
    from django.urls import reverse

    from articles.models import Article
    from products.models import Category, Product

    department = Category.objects.filter(depth=1).order_by("-numchild", "pk").first()
    in_department = Product.objects.filter(
        categories__in=department.get_descendants_and_self()
    ).count()
    last_page = max(1, -(-in_department // settings.OSCAR_PRODUCTS_PER_PAGE))
    guide = Article.objects.get(slug_en="skin-during-and-after-isotretinoin")
    return [
        Page("home", reverse("home")),
        Page("category", department.get_absolute_url()),
        Page(
            "category, last page", f"{department.get_absolute_url()}?page={last_page}"
        ),
        Page("product", catalogue.product.get_absolute_url()),
        Page("routine", catalogue.routine.get_absolute_url()),
        Page("article list", reverse("articles:list")),
        Page("article", guide.get_absolute_url()),
        Page("search", reverse("catalogue:index") + "?q=ceramide+cream"),
    ]


def checkout_steps(catalogue):
    from django.urls import reverse

    add = Page(
        "add to basket",
        add_path(catalogue.product),
        method="POST",
        body="quantity=1",
        expected=302,
    )
    return [add] + [
        Page(f"{label} (checkout:{name})", reverse(f"checkout:{name}"))
        for label, name in (
            ("e-mail", "index"),
            ("address", "shipping-address"),
            ("delivery", "shipping-method"),
            ("payment method", "payment-method"),
            ("review", "preview"),
        )
    ]


def add_path(product):
    from django.urls import reverse

    return reverse("basket:add", kwargs={"pk": product.pk})


def routine_add_path(routine):
    from django.urls import reverse

    return reverse("catalogue:routine-add", args=[routine.slug])


# --- SQL per request, in this process -----------------------------------------


def count_storefront_queries(pages, catalogue):
    """SQL per rendered page and its size, in this process with the
    server's settings, on a warm cache, for visitors with 1, 10 and 50
    products in the basket (as many as there are, in a small catalogue) and
    for one with the routine."""
    baskets = {
        str(len(products)): visitor_with(products)
        for products in dict.fromkeys(
            tuple(catalogue.in_baskets[:lines]) for lines in LINES
        )
    }
    baskets["routine"] = visitor_with_the_routine(catalogue.routine)
    for page in pages:
        for label, client in baskets.items():
            page.queries[label], size = count_queries(client, page)
            page.size = page.size or size  # the 1-product visitor's page


def count_step_queries(steps, catalogue):
    """SQL per request of each checkout step: adding as a new visitor, the
    pages as a guest at the review page (tests/helpers.py walks there)."""
    from django.test import Client

    from tests.helpers import checkout_until_review

    add, *pages = steps
    count_queries(Client(HTTP_HOST="127.0.0.1"), add)  # warm: a visitor of its own
    add.queries["new visitor"], add.size = count_queries(
        Client(HTTP_HOST="127.0.0.1"), add, warm=False
    )
    guest = visitor_with([catalogue.product])
    checkout_until_review(guest, email="bench.queries@example.no")
    for page in pages:
        page.queries["guest"], page.size = count_queries(guest, page)


def count_queries(client, page, *, warm=True):
    """The queries of one request (after a first one that warms the caches
    and shows any message left), and the size of its answer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def call():
        if page.method == "POST":
            return client.post(page.path, {"quantity": 1})
        return client.get(page.path)

    if warm:
        call()
    with CaptureQueriesContext(connection) as queries:
        response = call()
    if response.status_code != page.expected:
        raise RuntimeError(f"{page.name} answered {response.status_code} in-process")
    return len(queries), len(response.content) or 1


def visitor_with(products):
    """A test client whose basket holds one of each product, put there as the
    add view puts them (Basket.add_product) but in one go: the view takes no
    more than 20 items per order, and with the shop's SQL per line, fifty
    adds through it take longer than counting every page. The basket is the
    visitor's by its cookie, signed as Oscar's basket middleware signs it."""
    from django.conf import settings
    from django.core.signing import Signer
    from django.test import Client
    from oscar.core.loading import get_class, get_model

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = get_class("partner.strategy", "Selector")().strategy()
    for product in products:
        basket.add_product(product, 1)
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN] = Signer().sign(basket.id)
    return client


def visitor_with_the_routine(routine):
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    response = client.post(routine_add_path(routine))
    if response.status_code != 302 or response.wsgi_request.basket.is_empty:
        raise RuntimeError("The routine could not be added to a basket")
    return client


# --- Load, through the server -------------------------------------------------


def measure_storefront(base_url, options, pages, catalogue):
    cookies = {
        "new visitor": None,
        "1 product": visitor_cookie(base_url, add_path(catalogue.product)),
        "routine": visitor_cookie(base_url, routine_add_path(catalogue.routine)),
    }
    for page in pages:
        for visitor, cookie in cookies.items():
            page.loads[visitor] = load(base_url, options, page, cookie)
        bare = Page("bare", f"/__bench__/bare/{page.size}/")
        page.bare = load(base_url, options, bare)
        print(report.storefront_row(page), flush=True)


def visitor_cookie(base_url, path):
    """The cookies of a new visitor who added to the basket (a product: 1 of
    it; the routine: all of it) and saw the basket, with its message."""
    visitor = requests.Session()
    response = visitor.post(base_url + path, data={"quantity": 1}, timeout=30)
    if response.status_code != 200 or not visitor.cookies:
        raise RuntimeError(f"Adding to the basket at {path}: {response.status_code}")
    return "; ".join(f"{name}={value}" for name, value in visitor.cookies.items())


def measure_steps(base_url, options, steps, shop):
    """Adding to the basket as a new visitor each time (it is never the same
    basket twice: one would soon be over the limits); the checkout pages as
    one guest at the review page, whose GETs change nothing."""
    guest = checkout_load.prepared_visitor(
        shop, shop.products[0], "bench.review@example.no"
    )
    for step in steps:
        if step.method == "GET":
            step.loads["guest"] = load(base_url, options, step, guest)
        else:
            step.loads["new visitor"] = load(base_url, options, step)
        print(report.step_row(step), flush=True)


def load(base_url, options, page, cookie=None):
    """`hey` against one page for the set time; its summary, parsed."""
    command = ["hey", "-z", f"{options.seconds}s", "-c", str(options.concurrency)]
    command += ["-m", page.method, "-disable-redirects"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if page.body:
        command += ["-T", "application/x-www-form-urlencoded", "-d", page.body]
    output = subprocess.run(
        command + [base_url + page.path], capture_output=True, text=True, check=True
    ).stdout
    return parse_hey(output)


def parse_hey(output):
    def seconds(label):
        match = re.search(rf"{label}% in ([\d.]+) secs", output)
        return float(match[1]) * 1000 if match else float("nan")

    def p99():
        # hey prints no 99% line for fewer than 100 requests; the slowest of
        # those is their p99 (nearest rank).
        slowest = re.search(r"Slowest:\s+([\d.]+) secs", output)
        fallback = float(slowest[1]) * 1000 if slowest else float("nan")
        return seconds(99) if "99% in" in output else fallback

    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", output))
    errors = output.partition("Error distribution:")[2]
    failed = sum(int(count) for count in re.findall(r"^\s+\[(\d+)\]", errors, re.M))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": seconds(50),
        "p99": p99(),
        "statuses": {code: int(count) for code, count in statuses.items()},
        "errors": failed,
    }


# --- Full guest checkouts -----------------------------------------------------


def shop_for_clients(base_url, products, *, stripe_url="", vipps_url=""):
    """What checkout clients, which have no Django, need to know: the shop's
    addresses, the add-to-basket paths of ``products`` and the payment fakes'."""
    from django.urls import reverse

    from shop.commerce.shipping.pickup_points import PICKUP_METHOD_CODE
    from tests.helpers import ADDRESS

    return checkout_load.Shop(
        base_url=base_url,
        products=tuple(products),
        basket=reverse("basket:summary"),
        index=reverse("checkout:index"),
        shipping_address=reverse("checkout:shipping-address"),
        shipping_method=reverse("checkout:shipping-method"),
        payment_method=reverse("checkout:payment-method"),
        preview=reverse("checkout:preview"),
        thank_you=reverse("checkout:thank-you"),
        card_return=reverse("checkout:card-return"),
        vipps_return=reverse("checkout:vipps-return"),
        stripe_url=stripe_url,
        vipps_url=vipps_url,
        address=dict(ADDRESS),
        shipping_code=PICKUP_METHOD_CODE,
    )


def measure_checkouts(shop, options, method, catalogue):
    """One flow of full checkouts, and the orders they left in the database,
    found by their e-mail addresses (by status: each method has its own)."""
    from oscar.core.loading import get_model

    Order = get_model("order", "Order")
    put_on_sale_again(catalogue.bought)
    flow = checkout_load.run(
        shop, method, seconds=options.seconds, concurrency=options.concurrency
    )
    orders = Order.objects.filter(guest_email__endswith=f"@{flow.emails}")
    flow.new_orders = Counter(orders.values_list("status", flat=True))
    print(report.flow_row(flow), flush=True)
    return flow


def put_on_sale_again(products):
    """Each order holds a unit of its product until shipped, and no run ships:
    the products bought get STOCK_PER_FLOW units free again before each flow,
    so no run sells out, however many orders the earlier runs left."""
    from django.db.models import F
    from django.db.models.functions import Coalesce
    from oscar.core.loading import get_model

    StockRecord = get_model("partner", "StockRecord")
    StockRecord.objects.filter(product__in=products).update(
        num_in_stock=Coalesce(F("num_allocated"), 0) + STOCK_PER_FLOW
    )


def machine(options):
    import django
    import oscar
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    cpu = next(
        (
            text.split(":", 1)[1].strip()
            for text in Path("/proc/cpuinfo").read_text().splitlines()
            if text.startswith("model name")
        ),
        platform.processor(),
    )
    hey = subprocess.run(["dpkg-query", "-W", "hey"], capture_output=True, text=True)
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores; {platform.platform()}",
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"django-oscar {oscar.get_version()}, PostgreSQL {postgres}",
        f"{served_by(options)}; load tools: {hey.stdout.strip() or 'hey'} and "
        "perf/checkout_load.py on the same machine",
    ]


def served_by(options):
    if options.cluster:
        return (
            f"served by the local cluster (perf/cluster/): HAProxy, "
            f"{len(cluster.APP_SERVERS)} app servers of {cluster.WORKERS} gunicorn "
            "sync workers each, pgbouncer in transaction mode, Redis, the Celery "
            "worker and scheduler and the S3 stand-in, all on this machine"
        )
    return f"gunicorn sync workers: {(os.cpu_count() or 1) * 2 + 1}"


if __name__ == "__main__":
    main()
    print(f"Took {time.monotonic() - STARTED:.0f} s")
