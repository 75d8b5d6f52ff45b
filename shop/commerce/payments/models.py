"""What the shop keeps of online payments: Stripe's sessions and events, Vipps'
payments and webhook events."""

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


class VippsPayment(models.Model):
    """The Vipps payment that pays a Vipps order, and what the shop last
    heard of it. The order is placed again under the same number after a
    payment that did not happen, so one record per order number: its
    reference is the latest attempt's (an older attempt's news then finds no
    record, and changes nothing)."""

    order_number = models.CharField(max_length=128, unique=True)
    # The shop's reference of the payment at Vipps: derived from the order
    # number, new for each attempt (Vipps never takes a reference twice).
    reference = models.CharField(max_length=50, unique=True)
    # Where the customer approves it (Vipps' landing page or the app).
    redirect_url = models.URLField(max_length=2000, blank=True)
    # Vipps' state of the payment (CREATED, AUTHORIZED, ABORTED, EXPIRED,
    # TERMINATED), and its money as Vipps last reported it.
    state = models.CharField(max_length=20, default="CREATED")
    authorized_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    captured_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    refunded_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    cancelled_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.order_number} → {self.reference} ({self.state})"


class VippsEvent(models.Model):
    """A Vipps webhook event already handled, so a replay changes nothing.
    Vipps names an event by its payment, its name and its pspReference (or,
    for the shop's own captures, cancels and refunds, their idempotency key)."""

    reference = models.CharField(max_length=50)
    name = models.CharField(max_length=20)
    event_key = models.CharField(max_length=100)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference", "name", "event_key"], name="vipps_event_once"
            )
        ]

    def __str__(self):
        return f"{self.name} {self.reference}"
