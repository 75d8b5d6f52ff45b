"""``manage.py apply_retention``: delete or anonymise what the shop no longer
may keep (shop/commerce/retention.py); run it daily from cron."""

from django.core.management.base import BaseCommand
from django.db import transaction

from shop.commerce import retention


class Command(BaseCommand):
    help = (
        "Anonymise orders past the bookkeeping period and delete abandoned "
        "baskets, expired sessions, old outbox e-mails and expired failed "
        "sign-ins. Safe to run again; run it daily."
    )

    def handle(self, *args, **options):
        for label, step in retention.STEPS:
            # One transaction per step: a failing step leaves the others done.
            with transaction.atomic():
                count = step()
            shown = "left to the session store" if count is None else count
            self.stdout.write(f"{label}: {shown}")
