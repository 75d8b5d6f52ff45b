"""Queueing tasks once the change that owes them has committed.

A task queued inside a transaction could run before the transaction
commits (and find nothing) or after it rolled back (for an order that never
was), so tasks are queued from ``transaction.on_commit``. With no broker
(CELERY_TASK_ALWAYS_EAGER, shop/settings/base.py) "queueing" runs the task
there and then, in this process.

A broker that cannot be reached must not turn a saved order into an error
page: the change has committed already. What happens to the task then is
the caller's choice, by what the task does:

- ``SWEEP``: leave it; a periodic job finds the work undone and does it
  (an e-mail stays unsent in the outbox until the next sweep).
- ``HERE``: run it in this process now, slower but done (picture renditions,
  which no sweep looks for).
"""

import logging
from enum import Enum

from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnreachable

from shop.core import request_ids

logger = logging.getLogger(__name__)


class IfUnqueued(Enum):
    SWEEP = "left to the periodic sweep"
    HERE = "run in this process"


def after_commit(task, *args, if_unqueued: IfUnqueued, using=None):
    """Queue ``task(*args)`` once the current transaction commits."""
    transaction.on_commit(
        lambda: queue_now(task, *args, if_unqueued=if_unqueued), using=using
    )


def queue_now(task, *args, if_unqueued: IfUnqueued):
    """Queue ``task(*args)`` now, carrying the current request id."""
    try:
        task.apply_async(args=args, headers={"request_id": request_ids.current()})
    except BrokerUnreachable as error:
        logger.warning(
            "Task %s not queued (%s): %s",
            task.name,
            type(error).__name__,
            if_unqueued.value,
        )
        if if_unqueued is IfUnqueued.HERE:
            task.apply(args=args)
