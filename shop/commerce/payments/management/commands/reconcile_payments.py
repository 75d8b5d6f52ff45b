"""``manage.py reconcile_payments``: settle card and Vipps orders left pending."""

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.commerce.payments import reconciliation


class Command(BaseCommand):
    help = (
        "Ask Stripe and Vipps about card and Vipps orders still pending payment "
        "after a while: confirm the paid (or, for Vipps, reserved) ones, close "
        "and remove the unpaid ones, leave Vipps payments still open. Prints a "
        "count per outcome. The scheduler runs it every five minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.STRIPE_PENDING_MINUTES,
            help="Only orders pending for at least this many minutes.",
        )

    def handle(self, *args, older_than, **options):
        outcomes = reconciliation.settle_stale(older_than)
        for outcome in reconciliation.Outcome:
            self.stdout.write(f"{outcome}: {outcomes[outcome]}")
