"""The outbox: e-mails the shop owes someone."""

from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    """An e-mail the shop owes someone, kept until the mail server took it.

    Order e-mails are written here in the same transaction as the order, so
    an order is never lost because mail is down, and no e-mail is sent for
    an order that was rolled back. ``mail`` sends and retries them, and
    empties ``text`` and ``html`` once the mail server took them.

    The row, not the task queue, is the truth about an e-mail: a sender
    claims it (``claimed_until``) before talking to the mail server, so no
    two workers send it, and a worker killed mid-send leaves a claim that
    lapses, after which the e-mail is sent again by the next sweep.
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
    next_attempt_at = models.DateTimeField(
        default=timezone.now,
        db_index=True,
        help_text="When the sweep tries it next (later after each failure).",
    )
    claimed_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="A sender is on it until then; after that, it counts as not sent.",
    )
    request_id = models.CharField(
        max_length=64,
        blank=True,
        help_text="The request that wrote it, to find its log lines.",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "outgoing e-mail"

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def message_id(self):
        """The same Message-ID on every try, so a mail client shows an
        e-mail sent twice (the mail server took it, and the worker died
        before noting so) as one."""
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        domain = address.rpartition("@")[2] or "localhost"
        return f"<outbox.{self.pk}.{self.created_at:%Y%m%d%H%M%S}@{domain}>"

    @property
    def is_purged(self):
        return self.sent_at is not None and not (self.text or self.html)
