"""A Vipps order after the customer approved it: staff ship it (Vipps
captures the money, the receipt goes with the shipped e-mail), cancel it
(the reservation is released at Vipps) or refund it (Vipps' refund call and
a credit note), through the order's admin page, against the fake Vipps."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from shop.commerce.documents import printing, refunds
from shop.commerce.documents.models import SalesDocument
from shop.commerce.outbox.models import OutgoingEmail
from shop.commerce.payments.models import VippsPayment
from tests.helpers import client_for, text_of
from tests.payments.vipps_orders import return_from_vipps

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
TRACKING = "70730259304981234"
NBSP = "\xa0"


@pytest.fixture
def reserved_order(client, vipps_fake, vipps_order, django_capture_on_commit_callbacks):
    """The routine, approved in Vipps: Payment reserved."""
    order, reference, _ = vipps_order
    vipps_fake.approve(reference)
    with django_capture_on_commit_callbacks(execute=True):
        return_from_vipps(client, reference)
    order.refresh_from_db()
    assert order.status == "Payment reserved"
    mail.outbox.clear()
    return order, reference


@pytest.fixture
def manager(accounts):
    return client_for(accounts["manager"])


def step(client, name, order, **data):
    return client.post(
        reverse(f"admin:order_order_{name}", args=[order.pk]), data, follow=True
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def aggregate(fake, reference, name):
    return fake.payments[reference]["aggregate"][f"{name}Amount"]["value"]


def allocated_and_in_stock(shop):
    return [
        (record.num_in_stock, record.num_allocated or 0)
        for record in (p.stockrecords.get() for p in shop.products)
    ]


def test_the_order_page_shows_the_vipps_payment_and_its_buttons(
    manager, vipps_fake, reserved_order
):
    order, reference = reserved_order

    page = manager.get(reverse("admin:order_order_change", args=[order.pk]))

    text = page.content.decode()
    assert f"{reference}: AUTHORIZED (reserved 1.467,95{NBSP}NOK)" in text
    assert "Vipps" in text  # the payment method
    assert page.context["may_ship"] and page.context["may_cancel"]
    assert not page.context["may_mark_paid"]


def test_shipping_captures_at_vipps_then_sends_the_receipt(
    manager, shop, vipps_fake, reserved_order
):
    order, reference = reserved_order
    before = allocated_and_in_stock(shop)

    response = step(manager, "ship", order, tracking_number=TRACKING)

    assert f"Order {order.number} is now Shipped." in messages_of(response)
    assert aggregate(vipps_fake, reference, "captured") == 146795
    order.refresh_from_db()
    assert order.status == "Shipped"
    source = order.sources.get()
    assert source.amount_debited == Decimal("1467.95")
    for (in_stock, held), now in zip(before, allocated_and_in_stock(shop), strict=True):
        assert now == (in_stock - 1, held - 1)
    receipt = SalesDocument.objects.get(order=order)
    assert receipt.kind == "receipt" and receipt.snapshot["payment_method"] == "vipps"
    email = OutgoingEmail.objects.get(subject__contains="on its way")
    assert f"Receipt {receipt.number} is attached" in email.text
    assert "Vipps has now charged 1.467,95" in email.text
    assert email.attachments == [
        {"maker": "documents.sales_document", "args": {"pk": receipt.pk}}
    ]
    text = text_of(printing.pdf_of(receipt))
    assert "Receipt" in text and "Paid with Vipps on" in text
    assert "Vipps" in text.split("Payment method", 1)[1][:40]


def test_a_retried_capture_never_captures_twice(manager, vipps_fake, reserved_order):
    order, reference = reserved_order
    vipps_fake.hang_next(2, after_acting=True)  # Vipps captured, the answer is late

    refused = step(manager, "ship", order, tracking_number=TRACKING)

    assert any("could not be reached" in m for m in messages_of(refused))
    order.refresh_from_db()
    assert order.status == "Payment reserved" and not order.tracking_number
    assert aggregate(vipps_fake, reference, "captured") == 146795
    step(manager, "ship", order, tracking_number=TRACKING)  # the same key again
    order.refresh_from_db()
    assert order.status == "Shipped"
    assert aggregate(vipps_fake, reference, "captured") == 146795
    captures = [
        r for r in vipps_fake.requests if r[0] == "POST" and r[1].endswith("/capture")
    ]
    assert len({r[2]["Idempotency-Key"] for r in captures}) == 1


def test_a_refused_capture_leaves_the_order_unshipped(
    manager, vipps_fake, reserved_order
):
    order, reference = reserved_order
    vipps_fake.fail_next(400)

    response = step(manager, "ship", order, tracking_number=TRACKING)

    (message,) = messages_of(response)
    assert message.startswith(
        f"Vipps did not capture the payment of order {order.number}"
    )
    assert "not marked shipped" in message
    order.refresh_from_db()
    assert order.status == "Payment reserved"
    assert not SalesDocument.objects.exists()
    assert not OutgoingEmail.objects.filter(subject__contains="on its way").exists()


def test_cancelling_releases_the_reservation_and_the_stock(
    manager, shop, vipps_fake, reserved_order
):
    order, reference = reserved_order
    before = allocated_and_in_stock(shop)

    manager.post(reverse("admin:order_order_cancel", args=[order.pk]))

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert aggregate(vipps_fake, reference, "cancelled") == 146795
    for (in_stock, held), now in zip(before, allocated_and_in_stock(shop), strict=True):
        assert now == (in_stock, held - 1)
    assert not SalesDocument.objects.exists()  # nothing taken, nothing to credit
    assert VippsPayment.objects.get().cancelled_amount == Decimal("1467.95")


def test_when_vipps_cannot_cancel_the_order_stays(manager, vipps_fake, reserved_order):
    order, _ = reserved_order
    vipps_fake.fail_next(503, times=3)

    response = step(manager, "cancel", order)

    assert any("not cancelled" in m for m in messages_of(response))
    order.refresh_from_db()
    assert order.status == "Payment reserved"


def test_cancelling_a_pending_vipps_order_closes_its_payment(
    manager, vipps_fake, vipps_order
):
    order, reference, _ = vipps_order

    step(manager, "cancel", order)

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert vipps_fake.payments[reference]["state"] == "TERMINATED"


def test_a_partial_refund_then_the_rest_through_vipps(
    manager, accounts, vipps_fake, reserved_order, django_capture_on_commit_callbacks
):
    order, reference = reserved_order
    step(manager, "ship", order, tracking_number=TRACKING)
    order.refresh_from_db()
    lines = list(order.lines.order_by("pk"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = refunds.refund(
            order,
            lines={lines[0].pk: 1},
            shipping=False,
            returned=False,
            by=accounts["manager"],
        )
    assert aggregate(vipps_fake, reference, "refunded") == int(first.amount * 100)
    with django_capture_on_commit_callbacks(execute=True):
        rest = refunds.refund(
            order,
            lines={line.pk: 1 for line in lines[1:]},
            shipping=True,
            returned=True,
            by=accounts["manager"],
        )

    assert first.amount + rest.amount == Decimal("1467.95")
    assert aggregate(vipps_fake, reference, "refunded") == 146795
    assert order.sources.get().amount_refunded == Decimal("1467.95")
    assert VippsPayment.objects.get().refunded_amount == Decimal("1467.95")
    assert [d.kind for d in SalesDocument.objects.order_by("pk")] == [
        "receipt",
        "credit_note",
        "credit_note",
    ]
    assert "Refunded through Vipps" in order.notes.latest("pk").message
    refunds_made = [
        r for r in vipps_fake.requests if r[0] == "POST" and r[1].endswith("/refund")
    ]
    assert len({r[2]["Idempotency-Key"] for r in refunds_made}) == 2
    _, content, _ = mail.outbox[-1].attachments[0]
    assert "paid back through Vipps" in text_of(content)


def test_a_refused_refund_records_nothing(
    manager, accounts, vipps_fake, reserved_order
):
    order, reference = reserved_order
    step(manager, "ship", order, tracking_number=TRACKING)
    order.refresh_from_db()
    vipps_fake.fail_next(400)

    with pytest.raises(ValueError, match="Vipps did not refund the payment"):
        refunds.refund(
            order,
            lines={order.lines.first().pk: 1},
            shipping=False,
            returned=False,
            by=accounts["manager"],
        )

    assert SalesDocument.objects.filter(kind="credit_note").count() == 0
    assert aggregate(vipps_fake, reference, "refunded") == 0
    assert order.sources.get().amount_refunded == 0


def test_no_refund_before_the_money_is_captured(accounts, vipps_fake, reserved_order):
    order, _ = reserved_order

    with pytest.raises(ValueError, match="no invoice or receipt yet"):
        refunds.refund(
            order,
            lines={order.lines.first().pk: 1},
            shipping=False,
            returned=False,
            by=accounts["manager"],
        )
