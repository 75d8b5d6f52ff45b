"""``manage.py apply_retention``: delete or anonymise what the shop no longer
may keep (shop/commerce/retention.py). The scheduler runs it daily
(CELERY_BEAT_SCHEDULE); this is for running it by hand."""

from django.core.management.base import BaseCommand

from shop.commerce import retention


class Command(BaseCommand):
    help = (
        "Anonymise orders past the bookkeeping period and delete abandoned "
        "baskets, expired sessions, old outbox e-mails and expired failed "
        "sign-ins. Safe to run again; the scheduler runs it daily."
    )

    def handle(self, *args, **options):
        for label, count in retention.apply_all():
            shown = "left to the session store" if count is None else count
            self.stdout.write(f"{label}: {shown}")
