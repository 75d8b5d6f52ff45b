"""Order and account e-mails through an outbox: written with the change that
owes them, sent by a task once it commits, retried with back-off until the
mail server takes them, then forgotten: a sent e-mail's body (the
customer's name, address and order) is purged, and who it went to, its
subject and times stay for staff.

Nothing here runs in a web request when a broker is configured: ``queue``
hands the sending to the worker (tasks.py), and the scheduler's sweep
(``send_due``, every SHOP_EMAIL_SWEEP_SECONDS) sends what failed, what a
lost broker never queued and what a killed worker left half-sent. With no
broker (``make run``) the task runs in-process right after commit.

Exactly once, as far as SMTP allows: an e-mail is claimed in the database
before the mail server hears of it, so two workers never send it, and a
worker killed before the server accepted it leaves only a claim, which
lapses after SHOP_EMAIL_CLAIM_SECONDS. Only a worker killed in the instant
between the server's "250 OK" and the row's update leaves an e-mail that
goes out twice; both copies carry the same Message-ID, which mail clients
show as one.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from shop.commerce.outbox import attachments
from shop.commerce.outbox.models import OutgoingEmail
from shop.core import jobs, request_ids

logger = logging.getLogger(__name__)
# After this many failed tries an e-mail waits for staff ("Send now" in admin).
MAX_ATTEMPTS = 30
# Back-off between tries: SHOP_EMAIL_RETRY_SECONDS, doubled after each
# failure, at most an hour (30 tries span about a day).
LONGEST_WAIT = timedelta(hours=1)
# Due e-mails one sweep sends; the next sweep takes the rest.
SWEEP_BATCH = 200


def queue(*, to, subject, template, context, attachments=()):
    """Write an e-mail (``<template>.txt`` and ``.html``) to the outbox and
    send it once the surrounding transaction has committed. ``attachments``
    are descriptions from ``attachments.describe()``."""
    from shop.commerce.outbox import tasks

    email = OutgoingEmail.objects.create(
        to=list(to),
        subject=subject,
        text=render_to_string(f"{template}.txt", context),
        html=render_to_string(f"{template}.html", context),
        attachments=list(attachments),
        request_id=request_ids.current(),
    )
    jobs.after_commit(tasks.send_email, email.pk, if_unqueued=jobs.IfUnqueued.SWEEP)
    return email


def _unclaimed(now):
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def _claim(pk):
    """Take the e-mail for this sender, if it is unsent and nobody holds it.
    Committed at once (no transaction is open in a task), so other senders
    see the claim before the mail server hears of the e-mail."""
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=pk, sent_at__isnull=True)
        .filter(_unclaimed(now))
        .update(
            claimed_until=now + timedelta(seconds=settings.SHOP_EMAIL_CLAIM_SECONDS)
        )
    )
    return OutgoingEmail.objects.get(pk=pk) if claimed else None


def wait_after(attempts):
    """How long after its ``attempts``-th failure an e-mail is tried again."""
    first = timedelta(seconds=settings.SHOP_EMAIL_RETRY_SECONDS)
    return min(first * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def send(pk):
    """Try to send one e-mail; on failure keep it for a retry. Never raises.
    Returns whether this call sent it (False too when it was sent already
    or another sender holds it)."""
    email = _claim(pk)
    if email is None:
        return False
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        headers={"Message-ID": email.message_id},
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    try:
        for description in email.attachments:
            file = attachments.make(description)
            message.attach(file.filename, file.content, file.mimetype)
        message.send()
    # Any failure to make a file or to send (SMTP, DNS, timeout) waits for a retry.
    except Exception as error:  # noqa: BLE001
        OutgoingEmail.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1,
            last_error=repr(error)[:2000],
            next_attempt_at=timezone.now() + wait_after(email.attempts + 1),
            claimed_until=None,
        )
        # The error's text can name the recipients; staff read it in admin.
        logger.warning("E-mail %s not sent (%s), will retry", pk, type(error).__name__)
        return False
    OutgoingEmail.objects.filter(pk=pk).update(
        attempts=F("attempts") + 1,
        sent_at=timezone.now(),
        claimed_until=None,
        last_error="",
        text="",
        html="",
    )
    logger.info("E-mail %s sent", pk)
    return True


def due():
    """Unsent e-mails whose next try is due and that nobody holds."""
    now = timezone.now()
    return (
        OutgoingEmail.objects.filter(
            sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
        )
        .filter(_unclaimed(now))
        .order_by("next_attempt_at", "pk")
    )


def send_due():
    """The sweep: send the e-mails that are due; return (sent, not sent)."""
    purge_sent_bodies()
    results = [
        send(pk) for pk in list(due().values_list("pk", flat=True)[:SWEEP_BATCH])
    ]
    return results.count(True), results.count(False)


def send_pending():
    """Send every unsent e-mail now, due or not (``send_pending_emails``);
    return (sent, not sent)."""
    purge_sent_bodies()
    pending = OutgoingEmail.objects.filter(sent_at__isnull=True).values_list(
        "pk", flat=True
    )
    results = [send(pk) for pk in list(pending)]
    return results.count(True), results.count(False)


def purge_sent_bodies():
    """Empty the bodies of sent e-mails still holding one (sent before bodies
    were purged on sending)."""
    return (
        OutgoingEmail.objects.filter(sent_at__isnull=False)
        .exclude(text="", html="")
        .update(text="", html="")
    )
