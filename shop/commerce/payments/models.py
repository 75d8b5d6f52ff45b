"""What the shop keeps of card payments: Stripe's sessions and events."""

from django.db import models


class StripeEvent(models.Model):
    """A Stripe webhook event already handled, so a replay changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.event_id}"


class StripeCheckoutSession(models.Model):
    """The Stripe Checkout Session that collects a card order's payment."""

    order_number = models.CharField(max_length=128, unique=True)
    session_id = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.order_number} → {self.session_id}"
