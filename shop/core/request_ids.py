"""The request id: one short string that ties together every log line one
customer action causes, on whichever app server and worker it ran.

The load balancer gives each request an ``X-Request-ID`` (an app server
reached directly makes one); the request's log lines carry it, and so does
every task the request queues (shop/celery.py passes it in the task's
headers), so one order's page requests, its e-mails and its payment checks
can be found with one search.
"""

import logging
import re
import secrets
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str] = ContextVar("request_id", default="-")
# What an incoming id may look like: HAProxy's unique-id or our own; anything
# else (too long, odd characters) from a client is replaced, never logged.
ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{8,64}")


def new() -> str:
    return secrets.token_hex(8)


def accepted_or_new(value: str | None) -> str:
    """``value`` if it looks like an id, else a new one."""
    return value if value and ACCEPTED.fullmatch(value) else new()


def current() -> str:
    """The id of the request or task running now, or "-" outside one."""
    return _current.get()


@contextmanager
def bound(request_id: str):
    """Run the block under ``request_id``."""
    token = _current.set(request_id)
    try:
        yield request_id
    finally:
        _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Gives every log record a ``request_id`` attribute for the formatter."""

    def filter(self, record):
        record.request_id = current()
        return True
