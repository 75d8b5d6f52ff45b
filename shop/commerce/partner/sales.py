"""Sales and the before-price (prisopplysningsforskriften).

A stock record may carry a sale: a sale price, when it starts and when it
ends. While it runs the strategy charges the sale price (strategy.py), and
every page that shows the reduction shows the before-price: the lowest price
customers were charged in the 30 days before the sale started, read from the
price history (`PriceChange`, one row per change of the price or the sale).
That history cannot change once the sale has started, so the before-price is
worked out when the stock record is saved and stored on it: pages never read
the history.

The history is a list of states, each in force from its row's time until the
next row: the normal price, and the sale of that time, charged while it ran.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Min, Q
from django.utils import timezone

BEFORE_PRICE_DAYS = 30


@dataclass(frozen=True)
class PriceState:
    """What a stock record charged from ``since`` until the next state."""

    since: datetime
    price: Decimal | None
    sale_price: Decimal | None = None
    sale_starts_at: datetime | None = None
    sale_ends_at: datetime | None = None


def has_sale(record) -> bool:
    """A sale is set (running, coming or over)."""
    return bool(record.sale_price is not None and record.sale_starts_at)


def sale_is_running(record, now: datetime | None = None) -> bool:
    """The sale price is what a customer pays at ``now``."""
    if not has_sale(record) or record.sale_ends_at is None:
        return False
    now = now or timezone.now()
    return record.sale_starts_at <= now < record.sale_ends_at


def prices_charged(states: list[PriceState], start: datetime, end: datetime):
    """Every price charged at some moment of [start, end): the state in
    force at ``start`` counts, and the sales of earlier states too."""
    states = sorted(states, key=lambda state: state.since)
    charged = set()
    for index, state in enumerate(states):
        until = states[index + 1].since if index + 1 < len(states) else None
        begins = max(state.since, start)
        ends = min(until, end) if until else end
        if begins >= ends:
            continue
        sale_begins = sale_ends = None
        if state.sale_price is not None and state.sale_starts_at:
            sale_begins = max(state.sale_starts_at, begins)
            sale_ends = min(state.sale_ends_at or ends, ends)
        sale_overlaps = sale_begins is not None and sale_begins < sale_ends
        if sale_overlaps:
            charged.add(state.sale_price)
        # The normal price was charged unless the sale covered the whole span.
        if state.price is not None and not (
            sale_overlaps and sale_begins == begins and sale_ends == ends
        ):
            charged.add(state.price)
    return charged


def lowest_price_before(
    states: list[PriceState], sale_starts_at: datetime, *, fallback: Decimal
) -> Decimal:
    """The before-price of a sale starting at ``sale_starts_at``: the lowest
    price charged in the 30 days before it. ``fallback`` (the normal price)
    when the history says nothing about that time (records older than it)."""
    window_start = sale_starts_at - timedelta(days=BEFORE_PRICE_DAYS)
    charged = prices_charged(states, window_start, sale_starts_at)
    return min(charged, default=fallback)


def next_boundary(records, now: datetime) -> datetime | None:
    """The next moment after ``now`` a sale of these stock records starts or
    ends, when the pages showing them change by themselves."""
    found = records.filter(sale_price__isnull=False).aggregate(
        starts=Min("sale_starts_at", filter=Q(sale_starts_at__gt=now)),
        ends=Min("sale_ends_at", filter=Q(sale_ends_at__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments, default=None)
