"""The outbox forgets what an e-mail said once it is sent (the customer's
address, order and name were in it), and keeps who, what and when."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from shop.commerce.outbox import attachments
from shop.commerce.outbox import mail as outbox
from shop.commerce.outbox.models import OutgoingEmail
from tests.checkout.test_invoice_checkout import order_while_mail_is_down  # noqa: F401
from tests.helpers import add_routine, checkout_until_review, place_order

pytestmark = pytest.mark.django_db


def test_a_sent_order_e_mail_keeps_its_metadata_but_not_its_body(
    client, shop, django_capture_on_commit_callbacks
):
    add_routine(client, shop)
    checkout_until_review(client)
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)

    confirmation = mail.outbox[0]
    assert "Nordmann" in confirmation.body  # what went out was complete
    kept = OutgoingEmail.objects.get(to=["kari@example.no"])
    assert kept.subject == confirmation.subject
    assert kept.sent_at is not None and kept.attempts == 1
    assert (kept.text, kept.html) == ("", "")
    assert kept.is_purged


@pytest.mark.usefixtures("order_while_mail_is_down")
def test_an_unsent_e_mail_keeps_its_body_until_it_is_sent():
    waiting = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 2
    assert all(email.text and email.html for email in waiting)

    call_command("send_pending_emails", stdout=StringIO())

    assert "Nordmann" in mail.outbox[0].body
    assert not OutgoingEmail.objects.exclude(text="").exists()
    assert not OutgoingEmail.objects.exclude(html="").exists()


def test_the_cron_command_purges_bodies_of_e_mails_sent_before(db):
    """Rows sent before bodies were purged on sending lose them on the next run."""
    OutgoingEmail.objects.create(
        to=["kari@example.no"],
        subject="Order 100001 is confirmed",
        text="Kari Nordmann, Storgata 5",
        html="<p>Kari Nordmann, Storgata 5</p>",
        sent_at=timezone.now(),
        attempts=1,
    )

    call_command("send_pending_emails", stdout=StringIO())

    email = OutgoingEmail.objects.get()
    assert (email.text, email.html) == ("", "")
    assert email.subject == "Order 100001 is confirmed"


def test_admin_shows_that_a_sent_e_mail_was_purged(client, staff_user):
    email = OutgoingEmail.objects.create(
        to=["kari@example.no"],
        subject="Order 100001 is confirmed",
        text="",
        html="",
        sent_at=timezone.now(),
        attempts=1,
    )
    client.force_login(staff_user)

    listing = client.get(reverse("admin:outbox_outgoingemail_changelist"))
    page = client.get(reverse("admin:outbox_outgoingemail_change", args=[email.pk]))

    assert "Purged after sending" in listing.content.decode()
    assert "Purged after sending" in page.content.decode()


# --- Files an e-mail carries ---------------------------------------------------


@pytest.fixture
def receipt_maker():
    """A maker of the kind apps register (the invoice, the withdrawal form)."""
    made = []

    def make_receipt(*, number, fail=False):
        made.append(number)
        if fail:
            raise OSError("the disk is full")
        return attachments.Attachment(f"receipt-{number}.pdf", b"%PDF-1.7 receipt")

    attachments.register("tests.receipt", make_receipt)
    return made


def queue_receipt(**args):
    return outbox.queue(
        to=["kari@example.no"],
        subject="Your receipt",
        template="emails/account_exists",
        context={"shop_name": "Demo", "login_url": "/", "reset_url": "/"},
        attachments=[attachments.describe("tests.receipt", **args)],
    )


def test_an_e_mail_carries_its_files_made_when_it_is_sent(
    receipt_maker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue_receipt(number=7)
    assert receipt_maker == []  # nothing is made while the order's request runs

    for callback in callbacks:
        callback()

    (sent,) = mail.outbox
    assert sent.attachments == [
        ("receipt-7.pdf", b"%PDF-1.7 receipt", "application/pdf")
    ]
    assert receipt_maker == [7]
    email.refresh_from_db()
    assert email.sent_at is not None


def test_a_file_that_cannot_be_made_keeps_the_e_mail_for_a_retry(
    receipt_maker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_receipt(number=8, fail=True)

    assert mail.outbox == []
    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 1
    assert "the disk is full" in email.last_error
    assert email.text  # kept, to be sent whole later


def test_an_unknown_file_is_refused_when_queued():
    with pytest.raises(LookupError):
        attachments.describe("no.such.maker", pk=1)
