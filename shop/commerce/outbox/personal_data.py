"""The outbox's part of "download my data" and of account deletion: the
e-mails the shop sent to the account's address (the ``emails`` section of
shop/core/personal_data.py), and how long the outbox keeps any e-mail.

A sent e-mail's body is already gone (mail.py purges it once the mail
server took it), so what is left is who it went to, its subject and its
times: staff's answer to "did you send my confirmation?". Those rows go
when the account is deleted, and for everyone ``SHOP_OUTBOX_KEEP_DAYS``
after they were sent (``manage.py apply_retention``). An e-mail not yet
sent stays until it is: the shop still owes it.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from shop.commerce.outbox.models import OutgoingEmail
from shop.core import personal_data


def _same(address, other):
    return address.strip().lower() == other.strip().lower()


def emails_to(address):
    """The outbox rows with ``address`` among their recipients. The database
    narrows them by the JSON text (SQLite has no JSON "contains"); the exact
    match on each recipient is made here."""
    if not address:
        return []
    candidates = OutgoingEmail.objects.filter(to__icontains=address)
    return [
        email
        for email in candidates
        if any(_same(address, recipient) for recipient in email.to)
    ]


def export_emails(user):
    return [
        {
            "subject": email.subject,
            "written": email.created_at.isoformat(),
            "sent": email.sent_at.isoformat() if email.sent_at else None,
        }
        for email in emails_to(user.email)
    ]


def forget_emails(user):
    """Sent e-mails to the account's address leave the log; one that also
    went to others only loses this recipient."""
    for email in emails_to(user.email):
        if email.sent_at is None:
            continue
        others = [to for to in email.to if not _same(user.email, to)]
        if others:
            OutgoingEmail.objects.filter(pk=email.pk).update(to=others)
        else:
            OutgoingEmail.objects.filter(pk=email.pk).delete()


def delete_old_emails(now=None):
    """Delete e-mails sent more than SHOP_OUTBOX_KEEP_DAYS ago, and those
    never sent though written that long ago (the retries gave up); returns
    how many."""
    before = (now or timezone.now()) - timedelta(days=settings.SHOP_OUTBOX_KEEP_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        Q(sent_at__lt=before) | Q(sent_at__isnull=True, created_at__lt=before)
    ).delete()
    return deleted


def register():
    """Called by the outbox app's ready()."""
    personal_data.register("emails", export=export_emails, anonymise=forget_emails)
