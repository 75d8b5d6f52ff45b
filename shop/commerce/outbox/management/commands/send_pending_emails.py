"""``manage.py send_pending_emails``: send what the outbox still holds."""

from django.core.management.base import BaseCommand

from shop.commerce.outbox import mail


class Command(BaseCommand):
    help = "Send the order e-mails that could not be sent yet. Run it every minute."

    def handle(self, *args, **options):
        sent, pending = mail.send_pending()
        self.stdout.write(f"sent: {sent}, still pending: {pending}")
