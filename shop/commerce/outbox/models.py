"""The outbox: e-mails the shop owes someone."""

from django.db import models


class OutgoingEmail(models.Model):
    """An e-mail the shop owes someone, kept until the mail server took it.

    Order e-mails are written here in the same transaction as the order, so
    an order is never lost because mail is down, and no e-mail is sent for
    an order that was rolled back. ``mail`` sends and retries them, and
    empties ``text`` and ``html`` once the mail server took them.
    """

    to = models.JSONField(help_text="Addresses, as a list.")
    subject = models.CharField(max_length=200)
    text = models.TextField()
    html = models.TextField(blank=True)
    attachments = models.JSONField(
        default=list,
        blank=True,
        help_text="Files it carries, made when it is sent (outbox/attachments.py).",
    )
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
