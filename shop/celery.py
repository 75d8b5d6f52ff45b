"""The task queue: Celery, with RabbitMQ or Redis as its broker.

Work that must not hold up a customer, or must happen though nobody visits,
runs as a task: order and account e-mails (shop/commerce/outbox/tasks.py),
picture renditions after an upload (shop/core/tasks.py), and on the
scheduler (``celery -A shop beat``, CELERY_BEAT_SCHEDULE in settings) the
retries of unsent e-mail, the settling of pending payments, which also gives
back the stock their orders hold, and the daily retention and session
clean-up (shop/tasks.py).

With no broker (``CELERY_BROKER_URL`` unset, as in ``make run`` and tests)
every task runs in the process that queues it, right after its transaction
commits (shop/core/jobs.py), and ``make run`` runs the schedule itself
(``manage.py run_schedule``).

A task is acknowledged only once it has run (``task_acks_late``), so one
whose worker was killed is delivered again; each task is therefore safe to
run twice, and the e-mail's outbox row, not the queue, says whether it went.
"""

import os

from celery import Celery, Task

from shop.core import request_ids

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.production")


class ShopTask(Task):
    """A task that logs under the request id of whatever queued it."""

    def __call__(self, *args, **kwargs):
        carried = self.request.get("request_id")
        request_id = carried or request_ids.current()
        if request_id == "-":
            request_id = request_ids.new()
        with request_ids.bound(request_id):
            return super().__call__(*args, **kwargs)


app = Celery("shop", task_cls=ShopTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
