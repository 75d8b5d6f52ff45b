"""The shop-wide periodic job: retention and session clean-up, daily on the
scheduler (CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from shop.commerce import retention

logger = logging.getLogger(__name__)


@shared_task
def apply_retention():
    done = retention.apply_all()
    for label, count in done:
        logger.info("Retention: %s: %s", label, "-" if count is None else count)
    return dict(done)
