"""Full guest checkouts under load, for `make bench` (perf/bench.py).

`run()` starts `concurrency` clients, each a process of its own (one Python
process would measure its own GIL), each doing whole guest checkouts one
after the other for the set time, every one with a fresh cookie jar, as a
new customer would:

    add to basket, e-mail, address, delivery, payment method, place order,
    then by invoice the thank-you page; by card or Vipps the payment page
    of the local fake (perf/fakes.py), paying or approving there, the way
    back to the shop, and the thank-you page.

Like the issue's count (7 requests by invoice), each form is posted without
first loading its page; the bench measures those GETs apart. No redirect is
followed automatically: each answer's status and Location is checked, so a
step that goes wrong makes the checkout a failure, never a fast success.

CSRF: each customer picks its own token (32 letters and digits, the form of
Django's secret) and sends it both as the csrftoken cookie and as the
X-CSRFToken header. Django's check compares the two, as it compares a token
a page handed out (CSRF_USE_SESSIONS is off), so no extra GET is needed.

Nothing here imports Django: the bench hands the clients a `Shop` of plain
addresses.
"""

import math
import multiprocessing
import secrets
import string
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin

import requests

METHODS = ("invoice", "card", "vipps")
CSRF_CHARACTERS = string.ascii_letters + string.digits
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Shop:
    """What a client needs to know of the shop: addresses and form data."""

    base_url: str
    products: tuple  # basket:add paths of the products bought, taken in turn
    basket: str
    index: str
    shipping_address: str
    shipping_method: str
    payment_method: str
    preview: str
    thank_you: str
    card_return: str
    vipps_return: str
    stripe_url: str  # the fakes' base addresses, where their payment pages are
    vipps_url: str
    address: dict
    shipping_code: str

    def url(self, path):
        return urljoin(self.base_url, path)


class StepFailed(Exception):
    def __init__(self, step, problem):
        super().__init__(f"{step}: {problem}")
        self.step, self.problem = step, problem


class Customer:
    """A new customer's browser: an empty cookie jar but for its own CSRF
    token, redirects not followed, and the time each request took."""

    def __init__(self, shop):
        self.shop = shop
        self.session = requests.Session()
        token = "".join(secrets.choice(CSRF_CHARACTERS) for _ in range(32))
        self.session.cookies.set("csrftoken", token)
        self.session.headers["X-CSRFToken"] = token
        self.times = []  # (step, seconds)

    def send(self, step, method, url, data=None, *, status, to=None, to_prefix=None):
        """One request; StepFailed unless it answers `status` and, for a
        redirect, sends the browser to the shop's page `to` (a path; the
        query is not compared) or to an address starting with `to_prefix`."""
        url = self.shop.url(url)
        started = time.perf_counter()
        try:
            response = self.session.request(
                method, url, data=data, allow_redirects=False, timeout=TIMEOUT_SECONDS
            )
        except requests.RequestException as error:
            raise StepFailed(step, type(error).__name__) from None
        self.times.append((step, time.perf_counter() - started))
        if response.status_code != status:
            raise StepFailed(step, f"answered {response.status_code}, not {status}")
        location = urljoin(url, response.headers.get("Location", ""))
        if to is not None and location.split("?")[0] != self.shop.url(to):
            raise StepFailed(step, f"sent to {location}, not {to}")
        if to_prefix is not None and not location.startswith(to_prefix):
            raise StepFailed(step, f"sent to {location}, not {to_prefix}…")
        return location

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)


def walk_to_review(customer, product, email, method):
    """A product in the basket, and every checkout step up to the review page."""
    add_to_basket(customer, product)
    walk_from_basket_to_review(customer, email, method)


def add_to_basket(customer, product):
    shop = customer.shop
    customer.send(
        "add to basket", "POST", product, {"quantity": 1}, status=302, to=shop.basket
    )


def walk_from_basket_to_review(customer, email, method):
    """Every checkout step from a filled basket up to the review page."""
    shop = customer.shop
    customer.send(
        "e-mail",
        "POST",
        shop.index,
        {"username": email, "options": "anonymous"},
        status=302,
        to=shop.shipping_address,
    )
    customer.send(
        "address",
        "POST",
        shop.shipping_address,
        shop.address,
        status=302,
        to=shop.shipping_method,
    )
    customer.send(
        "delivery",
        "POST",
        shop.shipping_method,
        {"method_code": shop.shipping_code},
        status=302,
        to=shop.payment_method,
    )
    customer.send(
        "payment method",
        "POST",
        shop.payment_method,
        {"method": method},
        status=302,
        to=shop.preview,
    )


def check_out(customer, product, email, method):
    """One whole guest checkout, up to the thank-you page."""
    shop = customer.shop
    walk_to_review(customer, product, email, method)
    place_order = {"action": "place_order", "accept_terms": "on"}
    if method == "invoice":
        customer.send(
            "place order",
            "POST",
            shop.preview,
            place_order,
            status=302,
            to=shop.thank_you,
        )
    else:
        pay_at_the_fake(customer, method, place_order)
    customer.send("thank-you page", "GET", shop.thank_you, status=200)


def pay_at_the_fake(customer, method, place_order):
    """Card or Vipps: placing the order sends the customer to the fake's
    payment page (Stripe's hosted page, Vipps' landing page), whose button
    pays (approves) and sends the browser back to the shop, which asks the
    fake about the payment and sends it on to the thank-you page."""
    shop = customer.shop
    if method == "card":
        pages, button, way_back = f"{shop.stripe_url}/pay/", "pay", shop.card_return
    else:
        pages, button = f"{shop.vipps_url}/landing/", "approve"
        way_back = shop.vipps_return
    page = customer.send(
        "place order", "POST", shop.preview, place_order, status=302, to_prefix=pages
    )
    customer.send("payment page", "GET", page, status=200)
    back = customer.send(
        button, "POST", page, {"outcome": button}, status=303, to=way_back
    )
    customer.send("back at the shop", "GET", back, status=302, to=shop.thank_you)


def prepared_visitor(shop, product, email, method="invoice"):
    """The cookies of a guest at the review page, who has seen it once (so
    no message is left to show): for loading the checkout pages."""
    customer = Customer(shop)
    walk_to_review(customer, product, email, method)
    customer.send("review", "GET", shop.preview, status=200)
    customer.session.close()
    return customer.cookie_header()


def one_checkout(shop, method, product, email):
    """A checkout's outcome: its request times, its total, or what failed."""
    customer = Customer(shop)
    started = time.perf_counter()
    try:
        check_out(customer, product, email, method)
        seconds = time.perf_counter() - started
    except StepFailed as failure:
        return {"failed": (failure.step, failure.problem)}
    finally:
        customer.session.close()
    return {"seconds": seconds, "steps": customer.times}


def _client(shop, method, number, concurrency, seconds, emails, barrier, results):
    """One client's process: a checkout to warm up, not counted (the server's
    workers load what placing an order needs, PDF fonts and all, the first
    time), then, once every client is ready, checkouts one after the other
    until the time is up (the one under way is finished). Products are taken
    in turn across the clients, and every checkout has an e-mail address of
    its own (the shop limits e-mails per address)."""
    done = []
    try:
        warm_up = shop.products[number % len(shop.products)]
        one_checkout(shop, method, warm_up, f"{number}@warm-up.{emails}")
        barrier.wait()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            turn = number + len(done) * concurrency
            product = shop.products[turn % len(shop.products)]
            email = f"{number}.{len(done)}@{emails}"
            done.append(one_checkout(shop, method, product, email))
    finally:  # a client that crashed still answers, and run() says so
        results.put((done, time.time()))


@dataclass
class Flow:
    """What a run of checkouts by one payment method came to. Times in ms."""

    method: str
    emails: str  # the domain of the e-mail addresses of the checkouts counted
    completed: int
    failed: int
    wall_seconds: float
    checkout_p50: float
    checkout_p99: float
    requests: int  # per completed checkout
    step_p99: dict  # step -> p99, in the order of the steps
    failures: Counter = field(default_factory=Counter)  # (step, problem) -> count
    new_orders: Counter = field(default_factory=Counter)  # status -> count (bench)

    @property
    def orders_per_second(self):
        return self.completed / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def slowest_step(self):
        return max(self.step_p99.items(), key=lambda item: item[1], default=("–", 0))

    @property
    def orders_match(self):
        return sum(self.new_orders.values()) == self.completed


def percentile(values, fraction):
    """Nearest-rank percentile; NaN of nothing."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(math.ceil(len(ordered) * fraction), 1) - 1]


def summarise(method, emails, checkouts, wall_seconds):
    completed = [c for c in checkouts if "failed" not in c]
    steps = {}
    for checkout in completed:
        for step, seconds in checkout["steps"]:
            steps.setdefault(step, []).append(seconds * 1000)
    totals = [c["seconds"] * 1000 for c in completed]
    return Flow(
        method=method,
        emails=emails,
        completed=len(completed),
        failed=len(checkouts) - len(completed),
        wall_seconds=wall_seconds,
        checkout_p50=percentile(totals, 0.50),
        checkout_p99=percentile(totals, 0.99),
        requests=len(completed[0]["steps"]) if completed else 0,
        step_p99={step: percentile(times, 0.99) for step, times in steps.items()},
        failures=Counter(c["failed"] for c in checkouts if "failed" in c),
    )


def run(shop, method, *, seconds, concurrency):
    """`concurrency` clients checking out by `method` for `seconds`; they
    start together, and orders/s is the completed checkouts over the time
    from that start to the end of the last one."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(concurrency + 1)
    results = context.Queue()
    emails = f"{method}-{secrets.token_hex(4)}.bench.example.no"
    clients = [
        context.Process(
            target=_client,
            args=(shop, method, number, concurrency, seconds, emails, barrier, results),
            daemon=True,
        )
        for number in range(concurrency)
    ]
    for client in clients:
        client.start()
    barrier.wait(timeout=300)
    started = time.time()
    outcomes = [results.get(timeout=seconds + 300) for _ in clients]
    for client in clients:
        client.join(timeout=30)
    if any(client.exitcode != 0 for client in clients):
        raise RuntimeError("A checkout client crashed: see its traceback above.")
    checkouts = [checkout for done, _ in outcomes for checkout in done]
    wall_seconds = max(end for _, end in outcomes) - started
    return summarise(method, emails, checkouts, wall_seconds)
