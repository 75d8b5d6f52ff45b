"""The payments' periodic job (CELERY_BEAT_SCHEDULE): settle card and Vipps
orders left pending (reconciliation.py), which also ends the stock
reservations of the unpaid ones."""

import logging

from celery import shared_task
from django.conf import settings

from shop.commerce.payments import reconciliation

logger = logging.getLogger(__name__)


@shared_task
def settle_pending_payments():
    outcomes = reconciliation.settle_stale(settings.STRIPE_PENDING_MINUTES)
    if outcomes.total():
        logger.info(
            "Pending payments settled: %s",
            ", ".join(f"{outcome}: {count}" for outcome, count in outcomes.items()),
        )
    return {str(outcome): count for outcome, count in outcomes.items()}
