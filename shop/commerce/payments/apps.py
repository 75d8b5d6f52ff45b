"""Card payments through Stripe Checkout: sessions, webhooks, reconciliation."""

from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "shop.commerce.payments"
    label = "payments"
    verbose_name = "Payments"
