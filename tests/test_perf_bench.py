"""How `make bench` reads its measurements, on hand-made ones: hey's summary,
the checkouts' outcomes and the targets' checks of the answers.

No server and no load: those run only in `python -m perf.bench`.
"""

from perf.bench import Page, parse_hey
from perf.checkout_load import percentile, summarise
from perf.report import answered

HEY_FEW_REQUESTS = """
Summary:
  Total:\t1.0312 secs
  Slowest:\t0.4512 secs
  Fastest:\t0.1020 secs
  Requests/sec:\t42.6600

Latency distribution:
  10% in 0.1200 secs
  50% in 0.2000 secs
  95% in 0.4000 secs

Status code distribution:
  [302]\t40 responses

Error distribution:
  [3]\tPost "http://127.0.0.1:8100/": EOF
"""


def test_hey_without_a_99_line_gives_the_slowest_as_p99_and_counts_errors():
    result = parse_hey(HEY_FEW_REQUESTS)
    assert result["rps"] == 42.66
    assert result["p50"] == 200.0
    assert result["p99"] == 451.2
    assert result["statuses"] == {"302": 40}
    assert result["errors"] == 3


def test_a_load_with_errors_or_other_statuses_meets_no_target():
    page = Page("add to basket", "/", method="POST", expected=302)
    clean = {"statuses": {"302": 40}, "errors": 0}
    assert answered(clean, page) == ""
    assert answered({**clean, "errors": 3}, page)
    assert answered({"statuses": {"302": 39, "500": 1}, "errors": 0}, page)


def test_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.99) == 99
    assert percentile([7, 3], 0.99) == 7


def test_only_completed_checkouts_are_timed_and_failures_are_counted():
    steps = [("add to basket", 0.010), ("place order", 0.050)]
    checkouts = [
        {"seconds": 0.1, "steps": steps},
        {"seconds": 0.3, "steps": steps},
        {"failed": ("place order", "answered 500, not 302")},
    ]
    flow = summarise("invoice", "x.example", checkouts, wall_seconds=2)
    assert (flow.completed, flow.failed, flow.requests) == (2, 1, 2)
    assert flow.orders_per_second == 1
    assert flow.checkout_p50 == 100
    assert flow.slowest_step == ("place order", 50)
    assert flow.failures == {("place order", "answered 500, not 302"): 1}
    flow.new_orders.update({"Awaiting payment": 3})
    assert not flow.orders_match  # the failed checkout left an order
