"""The outbox: order and account e-mails written with the change that owes
them, and sent (and retried) apart from it."""

from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "shop.commerce.outbox"
    label = "outbox"
    verbose_name = "Outbox"

    def ready(self):
        from shop.commerce.outbox import personal_data

        personal_data.register()
