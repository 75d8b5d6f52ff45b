"""`make bench`: the shop under load, as production runs it, next to a bare
Django page of the same size through the same server.

    python -m perf.bench [--scale 10000] [--seconds 10] [--concurrency 8] [--short]

It fills a PostgreSQL database (perf/data.py), starts gunicorn with DEBUG off
(perf/server.py), and drives each page with `hey` (a standard HTTP load tool,
bounded by time) from this machine. Per page it prints requests/s, p50/p95/p99
latency, SQL queries per request (counted in-process with the same settings),
HTML bytes, and the ratio to the bare page; the full run writes BENCHMARKS.md.
"""

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from perf import data, server

ROOT = Path(__file__).resolve().parent.parent
PORT = 8100
ANONYMOUS_TARGETS = {"home", "category", "product", "routine", "article"}


@dataclass
class Page:
    name: str
    path: str
    method: str = "GET"
    body: str = ""
    headers: dict = field(default_factory=dict)
    queries: int = 0
    size: int = 0
    result: dict = field(default_factory=dict)  # a new visitor each request
    rendered: dict = field(default_factory=dict)  # a visitor with a basket
    bare: dict = field(default_factory=dict)


def main():
    options = parse_arguments()
    if not shutil.which("hey"):
        sys.exit("`hey` is missing: run `make bench-deps` (Debian's hey package).")
    print(f"Preparing {options.database_url} with {options.scale} products ...")
    data.prepare(options.database_url, options.scale)
    # This process counts queries with the server's own settings.
    settings = server.shop_environment(database_url=options.database_url, port=PORT)
    os.environ.update(settings)
    import django

    django.setup()
    pages = pages_to_measure()
    count_queries_and_bytes(pages)
    with server.running_shop(database_url=options.database_url, port=PORT) as base_url:
        give_checkout_a_basket(base_url, pages)
        basket_cookie = visitor_with_a_basket(base_url, pages)
        for page in pages:
            page.result = load(base_url, options, page)
            if page.headers:  # a page that needs the basket: only one run
                page.rendered = page.result
            else:
                with_basket = replace(page, headers={"Cookie": basket_cookie})
                page.rendered = load(base_url, options, with_basket)
            bare = Page("bare", f"/__bench__/bare/{page.size}/")
            page.bare = load(base_url, options, bare)
            print(line(page), flush=True)
    report = render(pages, options)
    print("\n" + report)
    if not options.short:
        (ROOT / "BENCHMARKS.md").write_text(report)
        print("Written to BENCHMARKS.md")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=server.DEFAULT_DATABASE_URL)
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--short", action="store_true", help="a quick run that writes nothing (CI)"
    )
    options = parser.parse_args()
    if options.short:
        options.scale, options.seconds = min(options.scale, 200), 1
    return options


def pages_to_measure():
    from django.conf import settings
    from django.urls import reverse

    from articles.models import Article
    from products.models import Category, Product, Routine

    department = Category.objects.filter(depth=1).order_by("-numchild", "pk").first()
    in_department = Product.objects.filter(
        categories__in=department.get_descendants_and_self()
    ).count()
    last_page = max(1, -(-in_department // settings.OSCAR_PRODUCTS_PER_PAGE))
    product = Product.objects.filter(upc__startswith="SCALE").order_by("pk")
    product = (
        product[product.count() // 2] if product.exists() else Product.objects.first()
    )
    guide = Article.objects.get(slug_en="skin-during-and-after-isotretinoin")
    return [
        Page("home", reverse("home")),
        Page("category", department.get_absolute_url()),
        Page(
            "category, last page", f"{department.get_absolute_url()}?page={last_page}"
        ),
        Page("product", product.get_absolute_url()),
        Page("routine", Routine.objects.first().get_absolute_url()),
        Page("article list", reverse("articles:list")),
        Page("article", guide.get_absolute_url()),
        Page("search", reverse("catalogue:index") + "?q=ceramide+cream"),
        Page(
            "add to basket",
            reverse("basket:add", kwargs={"pk": product.pk}),
            method="POST",
            body="quantity=1",
        ),
        Page("checkout, first step", reverse("checkout:index")),
    ]


def count_queries_and_bytes(pages):
    """SQL per request and page size, measured in this process with the
    server's settings, on a warm cache, for a visitor with a basket."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    add = next(page for page in pages if page.method == "POST")
    client.post(add.path, {"quantity": 1})
    for page in pages:
        call = client.post if page.method == "POST" else client.get
        data_ = {"quantity": 1} if page.method == "POST" else None
        call(page.path, data_)
        with CaptureQueriesContext(connection) as queries:
            response = call(page.path, data_)
        page.queries = len(queries)
        page.size = len(response.content) or 1


def visitor_with_a_basket(base_url, pages):
    """The cookie of a new visitor who put one product in the basket."""
    import requests

    visitor = requests.Session()
    add = next(page for page in pages if page.method == "POST")
    visitor.post(base_url + add.path, data={"quantity": 1}, timeout=30)
    return "; ".join(f"{name}={value}" for name, value in visitor.cookies.items())


def give_checkout_a_basket(base_url, pages):
    """Checkout shows its first step only to a visitor with a basket: one of
    its own, which the add-to-basket runs never touch (thousands of adds would
    take it over the limit per product, and checkout would send it back to
    the basket)."""
    cookie = visitor_with_a_basket(base_url, pages)
    for page in pages:
        if page.name.startswith("checkout"):
            page.headers = {"Cookie": cookie}


def load(base_url, options, page):
    """`hey` against one page for the set time; its summary, parsed."""
    command = ["hey", "-z", f"{options.seconds}s", "-c", str(options.concurrency)]
    command += ["-m", page.method, "-disable-redirects"]
    for name, value in page.headers.items():
        command += ["-H", f"{name}: {value}"]
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

    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", output))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": seconds(50),
        "p95": seconds(95),
        "p99": seconds(99),
        "statuses": {code: int(count) for code, count in statuses.items()},
    }


def line(page):
    r, basket, bare = page.result, page.rendered, page.bare
    ratio = r["rps"] / bare["rps"] if bare.get("rps") else float("nan")
    codes = ",".join(f"{c}×{n}" for c, n in sorted(r["statuses"].items()))
    return (
        f"| {page.name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
        f"{r['p99']:.1f} | {basket['rps']:.0f} | {basket['p50']:.1f} | "
        f"{basket['p99']:.1f} | {page.queries} | {page.size:,} | {bare['rps']:.0f} | "
        f"{ratio:.2f} | {codes} |"
    )


def machine():
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
        f"gunicorn sync workers: {(os.cpu_count() or 1) * 2 + 1}; load tool: "
        f"{hey.stdout.strip() or 'hey'} on the same machine",
    ]


def summary_lines(pages, options):
    by_name = {page.name: page for page in pages}
    product = by_name["product"].result
    checks = []
    for page in pages:
        r, bare = page.result, page.bare
        ratio = r["rps"] / bare["rps"]
        if page.name in ANONYMOUS_TARGETS:
            ok = ratio >= 0.5 and r["p99"] < 50
            checks.append(
                f"- {page.name}: {ratio:.2f}× the bare page (target ≥ 0.5), "
                f"p99 {r['p99']:.1f} ms (target < 50) → {'met' if ok else 'NOT met'}"
            )
    for name in ("search", "category, last page"):
        r = by_name[name].result
        factor = r["p50"] / product["p50"]
        checks.append(
            f"- {name}: p50 {factor:.1f}× the product page's (target ≤ 2) → "
            f"{'met' if factor <= 2 else 'NOT met'}"
        )
    for name in ("add to basket", "checkout, first step"):
        r = by_name[name].result
        checks.append(
            f"- {name}: p99 {r['p99']:.1f} ms (target < 100) → "
            f"{'met' if r['p99'] < 100 else 'NOT met'}"
        )
    return checks


def render(pages, options):
    header = (
        "| page | req/s | p50 ms | p95 ms | p99 ms | with basket: req/s | p50 ms | "
        "p99 ms | SQL/req | HTML bytes | bare req/s | ratio | statuses |\n|"
        + "---|"
        * 13
    )
    return "\n".join(
        [
            "# Benchmarks",
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `make bench` "
            f"(`python -m perf.bench`): {options.scale:,} products, "
            f"{options.concurrency} concurrent clients, {options.seconds:g} s per "
            "page, gunicorn with DEBUG off on PostgreSQL, from the same machine.",
            "The first columns are new visitors (no cookies: what a search engine "
            "sends, served by the page cache where the page allows it); "
            '"with basket" is a visitor whose pages are rendered for them. '
            "SQL/req is counted for that rendered page. The bare page is a Django "
            "view returning the same number of bytes through the same server and "
            "middleware; ratio = new-visitor req/s ÷ bare req/s.",
            "",
            *[f"- {text}" for text in machine()],
            "",
            header,
            *[line(page) for page in pages],
            "",
            "## Targets",
            "",
            *summary_lines(pages, options),
            "",
        ]
    )


if __name__ == "__main__":
    started = time.monotonic()
    main()
    print(f"Took {time.monotonic() - started:.0f} s")
