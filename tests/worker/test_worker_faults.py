"""Every e-mail exactly once, whatever happens to the worker: the outbox row
is the truth, not the queue (shop/commerce/outbox/mail.py)."""

from collections import Counter

from kombu import Connection

from shop.celery import app
from shop.commerce.outbox.models import OutgoingEmail
from tests.worker.conftest import wait_for

SEND_EMAIL = "shop.commerce.outbox.tasks.send_email"


def write_emails(count):
    return [
        OutgoingEmail.objects.create(
            to=[f"kunde{number}@example.no"],
            subject=f"Ordre {100000 + number} er bekreftet",
            text="Takk for bestillingen.",
        )
        for number in range(count)
    ]


def queue_sending(worker, emails):
    """What the app servers do as an order commits: one task per e-mail."""
    with Connection(worker.environment["CELERY_BROKER_URL"]) as broker:
        for email in emails:
            app.send_task(
                SEND_EMAIL,
                args=[email.pk],
                connection=broker,
                queue=worker.environment["CELERY_TASK_DEFAULT_QUEUE"],
            )


def all_sent():
    return not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


def test_a_worker_killed_mid_send_loses_no_e_mail_and_sends_none_twice(
    worker, mail_server
):
    emails = write_emails(3)
    mail_server.hold_next.set()
    queue_sending(worker, emails)
    worker.start()
    wait_for(mail_server.holding.is_set, 60, "the worker talks to the mail server")

    worker.kill()  # in the middle of an SMTP conversation
    mail_server.release.set()
    held = OutgoingEmail.objects.filter(claimed_until__isnull=False, sent_at=None)
    assert held.count() == 1  # claimed, not sent: the claim will lapse

    worker.start()
    wait_for(all_sent, 60, "every e-mail sent after the restart")

    expected = {email.message_id for email in OutgoingEmail.objects.all()}
    assert Counter(mail_server.accepted) == Counter(expected)  # each exactly once
    assert len(mail_server.accepted) == 3


def test_e_mails_queued_while_the_worker_is_stopped_go_out_once_it_starts(
    worker, mail_server
):
    worker.start()
    queue_sending(worker, write_emails(1))
    wait_for(all_sent, 60, "the first e-mail sent")
    worker.stop()

    emails = write_emails(5)  # orders go on coming in
    queue_sending(worker, emails)
    assert len(mail_server.accepted) == 1

    worker.start()
    wait_for(all_sent, 60, "every e-mail sent once the worker is back")

    expected = {email.message_id for email in OutgoingEmail.objects.all()}
    assert Counter(mail_server.accepted) == Counter(expected)
    assert len(mail_server.accepted) == 6
