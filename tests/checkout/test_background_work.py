"""Background work without a broker runs in-process after commit; with a
broker that cannot be reached, nothing is lost (shop/core/jobs.py)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from shop.celery import app
from shop.commerce.outbox.models import OutgoingEmail
from shop.core import request_ids
from tests.helpers import add_routine, checkout_until_review, make_image, make_product
from tests.helpers import place_order as post_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down():
    """A broker configured but refusing connections."""
    before = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    app.conf.update(
        task_always_eager=False, broker_url="amqp://guest:guest@127.0.0.1:1//"
    )
    forget_connections()
    yield
    app.conf.update(before)
    forget_connections()


def forget_connections():
    """Connections and producers are pooled for the broker first used."""
    app._pool = None
    app.amqp._producer_pool = None


def test_without_a_broker_the_order_e_mails_go_out_right_after_commit(
    client, shop, django_capture_on_commit_callbacks
):
    add_routine(client, shop)
    checkout_until_review(client)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        post_order(client)
    assert mail.outbox == []  # nothing before the commit

    for callback in queued:
        callback()

    assert len(mail.outbox) == 2
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.usefixtures("broker_down")
def test_with_the_broker_down_the_order_stands_and_its_e_mails_wait_for_the_sweep(
    client, shop, django_capture_on_commit_callbacks, caplog
):
    add_routine(client, shop)
    checkout_until_review(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    waiting = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 2 and mail.outbox == []
    assert "left to the periodic sweep" in caplog.text


@pytest.mark.usefixtures("broker_down")
def test_with_the_broker_down_renditions_are_made_in_the_saving_process(media_root):
    image = make_image(product=make_product(), width=900, height=600)
    for rendition in image.renditions():
        assert (media_root / rendition.name).exists()


def test_an_e_mail_keeps_the_id_of_the_request_that_wrote_it(
    client, shop, django_capture_on_commit_callbacks
):
    add_routine(client, shop)
    checkout_until_review(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_order(client, HTTP_X_REQUEST_ID="order-request-0001")

    assert response["X-Request-ID"] == "order-request-0001"
    ids = set(OutgoingEmail.objects.values_list("request_id", flat=True))
    assert ids == {"order-request-0001"}
    assert request_ids.current() == "-"  # nothing leaks past the request


def test_the_schedule_runs_every_periodic_job_without_a_broker():
    out = StringIO()
    call_command("run_schedule", "--once", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "send due e-mails",
        "settle pending payments",
        "apply retention",
    ]
