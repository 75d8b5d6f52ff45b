"""Order e-mails through an outbox: queued with the order, sent after commit,
retried until the mail server takes them, then forgotten: a sent e-mail's
body (the customer's name, address and order) is purged, and who it went to,
its subject and times stay for staff.

Retries need no set-up: after a request, unsent e-mails are tried again at
most every SHOP_EMAIL_RETRY_SECONDS. In production `manage.py
send_pending_emails` also runs every minute (cron or a systemd timer), so mail
goes out even when nobody visits the shop.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from shop.commerce.outbox import attachments
from shop.commerce.outbox.models import OutgoingEmail

logger = logging.getLogger(__name__)
RETRY_LOCK_KEY = "shop:mail:retry"
MAX_ATTEMPTS = 50


def queue(*, to, subject, template, context, attachments=()):
    """Write an e-mail (``<template>.txt`` and ``.html``) to the outbox and
    send it once the surrounding transaction has committed. ``attachments``
    are descriptions from ``attachments.describe()``."""
    email = OutgoingEmail.objects.create(
        to=list(to),
        subject=subject,
        text=render_to_string(f"{template}.txt", context),
        html=render_to_string(f"{template}.html", context),
        attachments=list(attachments),
    )
    transaction.on_commit(lambda: send(email.pk))
    return email


def send(pk):
    """Try to send one e-mail; on failure keep it for a retry. Never raises."""
    email = OutgoingEmail.objects.filter(pk=pk, sent_at__isnull=True).first()
    if email is None:
        return False
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
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
            attempts=email.attempts + 1, last_error=repr(error)[:2000]
        )
        # The error's text can name the recipients; staff read it in admin.
        logger.warning("E-mail %s not sent (%s), will retry", pk, type(error).__name__)
        return False
    OutgoingEmail.objects.filter(pk=pk).update(
        attempts=email.attempts + 1,
        sent_at=timezone.now(),
        last_error="",
        text="",
        html="",
    )
    return True


def send_pending():
    """Send every unsent e-mail; return (sent, still pending)."""
    purge_sent_bodies()
    pending = OutgoingEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS
    ).values_list("pk", flat=True)
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


def retry_now_and_then(**kwargs):
    """After a request: retry unsent mail, at most once per interval.

    With the cache unreachable the lock cannot be taken (add() answers
    false), so these retries pause rather than run after every request;
    `send_pending_emails` still sends."""
    if (
        cache.add(RETRY_LOCK_KEY, True, settings.SHOP_EMAIL_RETRY_SECONDS)
        and OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
    ):
        send_pending()
