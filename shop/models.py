"""Models owned by the project app itself."""

from django.db import models


class BasketNotice(models.Model):
    """A message for a basket's owner about a change they did not make.

    Oscar deletes basket lines together with their product; the notice keeps
    the customer informed the next time they visit.
    """

    basket = models.ForeignKey(
        "basket.Basket", on_delete=models.CASCADE, related_name="notices"
    )
    message = models.CharField(max_length=300)
    date_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date_created", "pk"]

    def __str__(self):
        return self.message


class OutgoingEmail(models.Model):
    """An e-mail the shop owes someone, kept until the mail server took it.

    Order e-mails are written here in the same transaction as the order, so
    an order is never lost because mail is down, and no e-mail is sent for
    an order that was rolled back. ``shop.mail`` sends and retries them, and
    empties ``text`` and ``html`` once the mail server took them.
    """

    to = models.JSONField(help_text="Addresses, as a list.")
    subject = models.CharField(max_length=200)
    text = models.TextField()
    html = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "outgoing e-mail"

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def is_purged(self):
        return self.sent_at is not None and not (self.text or self.html)


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
