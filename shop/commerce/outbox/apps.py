"""The outbox: order and account e-mails written with the change that owes
them, and sent (and retried) apart from it."""

from django.apps import AppConfig
from django.core.signals import request_finished


class OutboxConfig(AppConfig):
    name = "shop.commerce.outbox"
    label = "outbox"
    verbose_name = "Outbox"

    def ready(self):
        from shop.commerce.outbox import mail, personal_data

        personal_data.register()
        request_finished.connect(
            mail.retry_now_and_then, dispatch_uid="outbox.retry_unsent_email"
        )
