"""BENCHMARKS.md: the tables and the targets of a `make bench` run
(perf/bench.py measures; this writes it down). Times are in ms."""

from datetime import UTC, datetime

VISITORS = ("new visitor", "1 product", "routine")
# The new visitor's (the page cache's) targets, and issue 15's for visitors
# with a basket ("fast for customers who are about to buy").
PAGE_CACHE_PAGES = ("home", "category", "product", "routine", "article")
PAGE_CACHE_RATIO, BASKET_RATIO, PAGE_P99 = 0.5, 0.25, 50
SQL_PER_PAGE = 10
STEP_P99 = 50
ORDERS_PER_SECOND = {"invoice": 40, "card": 30, "vipps": 30}
INVOICE_CHECKOUT_P50 = 150
PAYMENT_NAMES = {
    "invoice": "invoice",
    "card": "card (Stripe fake)",
    "vipps": "Vipps (fake)",
}


def verdict(ok):
    return "met" if ok else "NOT met"


def ratio(page, visitor):
    bare = page.bare.get("rps")
    return page.loads[visitor]["rps"] / bare if bare else float("nan")


def statuses(result):
    codes = [f"{code}×{count}" for code, count in sorted(result["statuses"].items())]
    if result["errors"]:
        codes.append(f"errors×{result['errors']}")
    return ",".join(codes) or "none"


def answered(result, page):
    """Nothing when every request got the page's status, else what went
    wrong: a load with errors or other answers meets no target, however fast."""
    if result["errors"] == 0 and set(result["statuses"]) == {str(page.expected)}:
        return ""
    return f" (answers: {statuses(result)}, not all {page.expected})"


def line_counts(page):
    return [label for label in page.queries if label != "routine"]


def sql_by_lines(page):
    return "/".join(str(page.queries[label]) for label in line_counts(page))


# --- Rows, printed as the run goes and collected in the report ----------------


def storefront_header(page):
    visitors = " | ".join(
        f"{visitor}: req/s | p50 | p99 | ratio" for visitor in VISITORS
    )
    lines = "/".join(line_counts(page))
    columns = 1 + 4 * len(VISITORS) + 5
    return (
        f"| page | {visitors} | bare req/s | SQL, {lines} lines | SQL, routine | "
        f"HTML bytes | statuses |\n|" + "---|" * columns
    )


def storefront_row(page):
    cells = [page.name]
    for visitor in VISITORS:
        r = page.loads[visitor]
        cells += [
            f"{r['rps']:.0f}",
            f"{r['p50']:.1f}",
            f"{r['p99']:.1f}",
            f"{ratio(page, visitor):.2f}",
        ]
    cells += [
        f"{page.bare['rps']:.0f}",
        sql_by_lines(page),
        str(page.queries["routine"]),
        f"{page.size:,}",
        " · ".join(statuses(page.loads[visitor]) for visitor in VISITORS),
    ]
    return "| " + " | ".join(cells) + " |"


STEPS_HEADER = (
    "| step | visitor | req/s | p50 ms | p99 ms | SQL/req | HTML bytes | statuses |\n|"
    + "---|" * 8
)


def step_row(step):
    ((visitor, r),) = step.loads.items()
    return (
        f"| {step.name} | {visitor} | {r['rps']:.0f} | {r['p50']:.1f} | "
        f"{r['p99']:.1f} | {step.queries[visitor]} | {step.size:,} | "
        f"{statuses(r)} |"
    )


FLOWS_HEADER = (
    "| payment | orders/s | checkout p50 ms | checkout p99 ms | requests each | "
    "completed | failed | their orders in the database | slowest step (p99 ms) |\n|"
    + "---|"
    * 9
)


def flow_row(flow):
    step, p99 = flow.slowest_step
    gained = sum(flow.new_orders.values())
    by_status = ", ".join(f"{n} {status}" for status, n in flow.new_orders.items())
    return (
        f"| {PAYMENT_NAMES[flow.method]} | {flow.orders_per_second:.1f} | "
        f"{flow.checkout_p50:.0f} | {flow.checkout_p99:.0f} | {flow.requests} | "
        f"{flow.completed} | {flow.failed} | {gained} ({by_status or 'none'}) | "
        f"{step} ({p99:.0f}) |"
    )


def step_p99_table(flows):
    steps = list(dict.fromkeys(step for flow in flows for step in flow.step_p99))
    header = "| step | " + " | ".join(
        f"{PAYMENT_NAMES[flow.method]}: p99 ms" for flow in flows
    )
    rows = [
        f"| {step} | "
        + " | ".join(
            f"{flow.step_p99[step]:.0f}" if step in flow.step_p99 else "–"
            for flow in flows
        )
        + " |"
        for step in steps
    ]
    return [header + " |", "|" + "---|" * (len(flows) + 1), *rows]


def failure_lines(flows):
    return [
        f"- {PAYMENT_NAMES[flow.method]}: {count} failed at “{step}”: {problem}"
        for flow in flows
        for (step, problem), count in flow.failures.most_common()
    ]


# --- Targets ------------------------------------------------------------------


def page_cache_targets(pages):
    by_name = {page.name: page for page in pages}
    lines = []
    for page in pages:
        if page.name in PAGE_CACHE_PAGES:
            lines.append(
                ratio_line(page, "new visitor", "new visitor", PAGE_CACHE_RATIO)
            )
    product = by_name["product"].loads["new visitor"]["p50"]
    for name in ("search", "category, last page"):
        factor = by_name[name].loads["new visitor"]["p50"] / product
        lines.append(
            f"- {name}, new visitor: p50 {factor:.1f}× the product page's "
            f"(target ≤ 2) → {verdict(factor <= 2)}"
        )
    return lines


def basket_targets(pages):
    lines = []
    for page in pages:
        for visitor, label in (("1 product", "1 product"), ("routine", "the routine")):
            lines.append(
                ratio_line(page, visitor, f"{label} in the basket", BASKET_RATIO)
            )
    return lines


def ratio_line(page, visitor, label, target):
    """A page's target for one visitor: its ratio to the bare page, and p99."""
    r, factor = page.loads[visitor], ratio(page, visitor)
    wrong = answered(r, page)
    ok = factor >= target and r["p99"] < PAGE_P99 and not wrong
    return (
        f"- {page.name}, {label}: {factor:.2f}× the bare page (target ≥ {target}), "
        f"p99 {r['p99']:.1f} ms (target < {PAGE_P99}){wrong} → {verdict(ok)}"
    )


def sql_targets(pages):
    lines = []
    for page in pages:
        by_lines = [page.queries[label] for label in line_counts(page)]
        routine = page.queries["routine"]
        ok = len(set(by_lines)) == 1 and max(by_lines + [routine]) <= SQL_PER_PAGE
        lines.append(
            f"- {page.name}: SQL {sql_by_lines(page)} with "
            f"{'/'.join(line_counts(page))} lines, {routine} with the routine "
            f"(target ≤ {SQL_PER_PAGE}, the same for any number of lines) → "
            f"{verdict(ok)}"
        )
    return lines


def step_targets(steps):
    lines = []
    for step in steps:
        ((visitor, r),) = step.loads.items()
        wrong = answered(r, step)
        lines.append(
            f"- {step.name}, {visitor}: p99 {r['p99']:.1f} ms (target < {STEP_P99})"
            f"{wrong} → {verdict(r['p99'] < STEP_P99 and not wrong)}"
        )
    return lines


def checkout_targets(flows):
    lines = []
    for flow in flows:
        target = ORDERS_PER_SECOND[flow.method]
        gained = sum(flow.new_orders.values())
        ok = flow.orders_per_second >= target and not flow.failed and flow.orders_match
        figures = [f"{flow.orders_per_second:.1f} orders/s (target ≥ {target})"]
        if flow.method == "invoice":
            ok = ok and flow.checkout_p50 < INVOICE_CHECKOUT_P50
            figures.append(
                f"checkout p50 {flow.checkout_p50:.0f} ms (target < "
                f"{INVOICE_CHECKOUT_P50})"
            )
        figures.append(f"{flow.failed} failed (target 0)")
        figures.append(
            f"{gained} orders in the database for {flow.completed} completed "
            f"(target: as many)"
        )
        lines.append(
            f"- full guest checkouts, {PAYMENT_NAMES[flow.method]}: "
            f"{', '.join(figures)} → {verdict(ok)}"
        )
    return lines


# --- The whole ----------------------------------------------------------------


def preamble(options):
    return [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `make bench` "
        f"(`python -m perf.bench`): {options.scale:,} products, "
        f"{options.concurrency} concurrent clients, {options.seconds:g} s per "
        "measurement, gunicorn with DEBUG off on PostgreSQL, from the same machine.",
        "",
        "Storefront pages are loaded by three visitors: a new visitor (no cookies: "
        "what a search engine sends, served by the page cache where the page "
        'allows it), one with 1 product in the basket ("1 product") and one who '
        'added the whole routine ("routine", its offer applied); the pages of the '
        "last two are rendered for them. Ratio = that visitor's req/s ÷ the bare "
        "page's, a Django view returning as many bytes through the same server "
        "and middleware, loaded in the same run. SQL per rendered page is counted "
        "in-process with the server's settings for visitors with 1, 10 and 50 "
        "products in the basket, and with the routine. Statuses: per visitor.",
        "",
        "Checkout steps: adding to the basket as a new visitor each time, and "
        "loading each checkout page as a guest who has done every step up to the "
        "review page.",
        "",
        "Full guest checkouts (perf/checkout_load.py): each client, a process of "
        "its own, does one whole checkout after another, each with a fresh cookie "
        "jar: add to basket, e-mail, address, delivery (pickup point), payment "
        "method and place order, posted without loading their pages first; then "
        "by invoice the thank-you page, by card and Vipps the local fake's "
        "payment page, paying there, the way back to the shop and the thank-you "
        "page. Every answer's status and redirect is checked; a checkout with one "
        "wrong is counted failed. Each client first does one checkout that is not "
        "counted (the server's workers then have what placing an order needs "
        "loaded), then all start together; orders/s = completed checkouts ÷ the "
        "seconds from that start to the end of the last one. Their orders in the "
        "database are found by the checkouts' e-mail addresses, and must be as "
        "many as the checkouts completed. The fakes of Stripe and Vipps "
        "(tests/) and a mail server that takes every e-mail run in processes of "
        "their own (perf/fakes.py), and send their webhooks to the shop's; Bring "
        "has no keys, so the delivery step asks nobody. Forms are posted with a "
        "CSRF token each customer picks, as cookie and header (Django's "
        "double-submit check). Every client is 127.0.0.1, so the limit on order "
        "e-mails per visitor address is raised out of reach (still counted).",
    ]


def render(options, machine, pages, steps, flows):
    return "\n".join(
        [
            "# Benchmarks",
            "",
            *preamble(options),
            "",
            *[f"- {text}" for text in machine],
            "",
            "## Storefront pages",
            "",
            storefront_header(pages[0]),
            *[storefront_row(page) for page in pages],
            "",
            "## Checkout steps",
            "",
            STEPS_HEADER,
            *[step_row(step) for step in steps],
            "",
            "## Full guest checkouts",
            "",
            FLOWS_HEADER,
            *[flow_row(flow) for flow in flows],
            "",
            *step_p99_table(flows),
            *(["", *failure_lines(flows)] if failure_lines(flows) else []),
            "",
            "## Targets",
            "",
            "New visitors, served by the page cache:",
            "",
            *page_cache_targets(pages),
            "",
            "Issue 15, fast for customers who are about to buy:",
            "",
            *basket_targets(pages),
            *sql_targets(pages),
            *step_targets(steps),
            *checkout_targets(flows),
            "",
        ]
    )
