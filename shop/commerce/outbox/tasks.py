"""The outbox's tasks: one e-mail as its order commits, and the sweep the
scheduler runs (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from shop.commerce.outbox import mail


@shared_task
def send_email(pk):
    """Send one e-mail. Delivered again if its worker dies; the claim in its
    row keeps that from sending it twice (mail.py)."""
    return mail.send(pk)


@shared_task
def send_due_emails():
    sent, not_sent = mail.send_due()
    return {"sent": sent, "not sent": not_sent}
