"""Refunds: credit notes for chosen lines and shipping, card payments back
through Stripe's Refund API (the fake, over HTTP), invoice orders credited,
stock back on return, and refusals that leave nothing behind."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from shop.commerce.documents import refunds
from shop.commerce.documents.models import (
    CreditedLine,
    DocumentSequence,
    SalesDocument,
    Series,
)
from shop.commerce.documents.printing import pdf_of
from shop.commerce.payments.stripe_refunds import refund_card_payment
from shop.commerce.statuses import OrderStatus
from tests.helpers import (
    add_product,
    checkout_until_review,
    client_for,
    place_order,
    text_of,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
NBSP = "\xa0"


def credit_notes():
    return SalesDocument.objects.filter(kind=SalesDocument.Kind.CREDIT_NOTE)


def refund_requests(fake):
    return [
        params for method, path, params, _ in fake.requests if path == "/v1/refunds"
    ]


def test_a_card_order_is_refunded_through_stripe_with_a_credit_note(
    paid_card_order, stripe_fake, accounts, django_capture_on_commit_callbacks
):
    order = paid_card_order
    receipt = SalesDocument.objects.get()
    line = order.lines.order_by("pk").first()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        note = refunds.refund(
            order,
            lines={line.pk: 1},
            shipping=False,
            returned=False,
            by=accounts["manager"],
        )

    assert (note.kind, note.series, note.number) == ("credit_note", "credit", 10001)
    assert note.refers_to == receipt
    assert note.amount == line.line_price_incl_tax
    source = order.sources.get()
    (request,) = refund_requests(stripe_fake)
    assert request == {
        "payment_intent": source.reference,
        "amount": str(int(line.line_price_incl_tax * 100)),
    }
    intent = stripe_fake.payment_intents[source.reference]
    assert intent["amount_refunded"] == int(line.line_price_incl_tax * 100)
    assert note.refund_reference in stripe_fake.refunds
    source.refresh_from_db()
    assert source.amount_refunded == note.amount
    event = order.payment_events.get(event_type__code="refunded")
    assert event.amount == note.amount and event.reference == note.refund_reference
    assert list(event.line_quantities.values_list("line", "quantity")) == [(line.pk, 1)]
    staff_note = order.notes.latest("pk")
    assert staff_note.user == accounts["manager"]
    assert "Credit note 10001" in staff_note.message
    assert "Refunded to the card by Stripe" in staff_note.message

    (email,) = mail.outbox
    assert email.to == [order.email]
    assert "Credit note 10001" in email.subject
    filename, content, _ = email.attachments[0]
    assert filename == "credit-note-10001.pdf"
    text = text_of(content)
    assert "Credit note 10001" in text
    assert f"Credit for Receipt {receipt.number}" in text
    amount = f"−{line.line_price_incl_tax:.2f}".replace(".", ",")
    assert f"Total credited {amount}{NBSP}NOK" in text
    assert "Org. no. 923 456 789 MVA" in text and "Foretaksregisteret" in text
    assert "paid back to the card" in text


def test_a_retry_after_an_unrecorded_refund_never_refunds_twice(
    paid_card_order, stripe_fake, accounts
):
    order = paid_card_order
    line = order.lines.order_by("pk").first()
    source = order.sources.get()
    # Stripe refunded, but the shop's transaction did not commit.
    earlier = refund_card_payment(
        source.reference,
        line.line_price_incl_tax,
        idempotency_key=refunds.idempotency_key(order, 1),
    )

    note = refunds.refund(
        order,
        lines={line.pk: 1},
        shipping=False,
        returned=False,
        by=accounts["manager"],
    )

    assert note.refund_reference == earlier["id"]
    assert len(stripe_fake.refunds) == 1
    intent = stripe_fake.payment_intents[source.reference]
    assert intent["amount_refunded"] == int(line.line_price_incl_tax * 100)


def test_when_stripe_refuses_nothing_is_recorded(
    paid_card_order, stripe_fake, accounts
):
    order = paid_card_order
    source = order.sources.get()
    # Refunded in Stripe's dashboard meanwhile: nothing is left to refund.
    intent = stripe_fake.payment_intents[source.reference]
    intent["amount_refunded"] = intent["amount"]
    line = order.lines.order_by("pk").first()
    notes_before = order.notes.count()

    with pytest.raises(ValueError, match="Stripe did not refund the payment"):
        refunds.refund(
            order,
            lines={line.pk: 1},
            shipping=False,
            returned=False,
            by=accounts["manager"],
        )

    assert not credit_notes().exists() and not CreditedLine.objects.exists()
    assert not order.payment_events.filter(event_type__code="refunded").exists()
    assert order.notes.count() == notes_before
    assert not DocumentSequence.objects.filter(series=Series.CREDIT).exists()
    source.refresh_from_db()
    assert source.amount_refunded == 0


def test_an_unpaid_invoice_is_credited_and_owes_less(
    invoice_order, accounts, django_capture_on_commit_callbacks
):
    order = invoice_order
    invoice = SalesDocument.objects.get()
    first, second = order.lines.order_by("pk")[:2]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        note = refunds.refund(
            order,
            lines={first.pk: 1, second.pk: 1},
            shipping=False,
            returned=False,
            by=accounts["manager"],
        )

    total = first.line_price_incl_tax + second.line_price_incl_tax
    assert note.amount == total and note.refers_to == invoice
    assert not note.refund_reference  # no money moved
    owed = order.total_incl_tax - total
    assert note.snapshot["owed_after"] == f"{owed:.2f}"
    staff_note = order.notes.latest("pk").message
    assert "Taken off the unpaid invoice 10001" in staff_note
    assert f"KID {invoice.kid}" in staff_note
    assert order.payment_events.get(event_type__code="refunded").amount == total
    text = text_of(mail.outbox[0].attachments[0][1])
    assert "Credit for Invoice 10001" in text
    assert f"please pay {owed:.2f}".replace(".", ",") in text
    assert f"KID {invoice.kid}" in text


def test_partial_refunds_add_up_and_stop_at_what_was_bought(
    client, shop, company, accounts, django_capture_on_commit_callbacks
):
    add_product(client, shop.products[3], quantity=3)  # 3 × 199.00
    checkout_until_review(client, shipping="home-delivery")
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    line = order.lines.get()
    manager = accounts["manager"]

    one = refunds.refund(
        order, lines={line.pk: 1}, shipping=True, returned=False, by=manager
    )
    assert one.amount == Decimal("199.00") + Decimal("129.00")
    assert one.shipping_credited == Decimal("129.00")
    with pytest.raises(ValueError, match="only 2 of 3 bought are left"):
        refunds.refund(
            order, lines={line.pk: 3}, shipping=False, returned=False, by=manager
        )
    with pytest.raises(ValueError, match="shipping charge has been refunded"):
        refunds.refund(order, lines={}, shipping=True, returned=False, by=manager)
    two = refunds.refund(
        order, lines={line.pk: 2}, shipping=False, returned=False, by=manager
    )
    assert (one.number, two.number) == (10001, 10002)
    assert two.amount == Decimal("398.00")
    with pytest.raises(ValueError, match="only 0 of 3"):
        refunds.refund(
            order, lines={line.pk: 1}, shipping=False, returned=False, by=manager
        )
    assert credit_notes().count() == 2
    text = text_of(pdf_of(one))
    assert f"Shipping −129,00{NBSP}NOK" in text
    assert f"Total credited −328,00{NBSP}NOK" in text


def test_refusals_name_what_is_wrong(invoice_order, accounts):
    order = invoice_order
    line = order.lines.first()
    manager = accounts["manager"]
    for lines, message in (
        ({}, "Nothing to refund"),
        ({line.pk: 0}, "Nothing to refund"),
        ({line.pk: -1}, "cannot be negative"),
        ({999999: 1}, "not a line of order"),
    ):
        with pytest.raises(ValueError, match=message):
            refunds.refund(
                order, lines=lines, shipping=False, returned=False, by=manager
            )
    with pytest.raises(ValueError, match="has not been shipped"):
        refunds.refund(
            order, lines={line.pk: 1}, shipping=False, returned=True, by=manager
        )
    assert not credit_notes().exists()


def test_returned_units_go_back_in_stock_once(invoice_order, accounts):
    order = invoice_order
    order.set_status(OrderStatus.PAID)
    order.set_status(OrderStatus.SHIPPED)
    line = order.lines.order_by("pk").first()
    record = line.stockrecord
    record.refresh_from_db()
    in_stock = record.num_in_stock

    refunds.refund(
        order,
        lines={line.pk: 1},
        shipping=False,
        returned=True,
        by=accounts["manager"],
    )

    record.refresh_from_db()
    assert record.num_in_stock == in_stock + 1
    with pytest.raises(ValueError):
        refunds.refund(
            order,
            lines={line.pk: 1},
            shipping=False,
            returned=True,
            by=accounts["manager"],
        )
    record.refresh_from_db()
    assert record.num_in_stock == in_stock + 1
    assert "The units are back in stock." in order.notes.latest("pk").message


# --- The staff page -------------------------------------------------------------


def test_a_shop_manager_refunds_on_the_staff_page_after_seeing_the_amount(
    paid_card_order, stripe_fake, accounts
):
    order = paid_card_order
    line = order.lines.order_by("pk").first()
    url = reverse("admin-order-refund", args=[order.pk])
    manager = client_for(accounts["manager"])

    page = manager.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'name="line_{line.pk}"' in html
    assert "admin/base_site.html" in [template.name for template in page.templates]
    preview = manager.post(url, {f"line_{line.pk}": 1})
    amount = line.line_price_incl_tax
    assert f"To refund: {amount:.2f}".replace(".", ",") in preview.content.decode()
    assert not credit_notes().exists() and refund_requests(stripe_fake) == []

    confirmed = manager.post(
        url,
        {f"line_{line.pk}": 1, "confirmed": "on", "expected_amount": str(amount)},
    )

    assert confirmed.status_code == 302
    note = credit_notes().get()
    assert note.amount == amount and len(refund_requests(stripe_fake)) == 1
    again = manager.post(url, {f"line_{line.pk}": 2})
    assert again.status_code == 200
    assert "Ensure this value is less than or equal to 0" in again.content.decode()


def test_a_changed_choice_is_shown_again_before_refunding(invoice_order, accounts):
    line = invoice_order.lines.order_by("pk").first()
    url = reverse("admin-order-refund", args=[invoice_order.pk])
    response = client_for(accounts["manager"]).post(
        url, {f"line_{line.pk}": 1, "confirmed": "on", "expected_amount": "1.00"}
    )
    assert response.status_code == 200
    assert "The choice changed" in response.content.decode()
    assert not credit_notes().exists()


def test_only_shop_managers_reach_the_refund_page(invoice_order, accounts):
    url = reverse("admin-order-refund", args=[invoice_order.pk])
    line = invoice_order.lines.first()
    assert client_for(accounts["superuser"]).get(url).status_code == 200
    editor = client_for(accounts["editor"])
    assert editor.get(url).status_code == 403
    data = {f"line_{line.pk}": 1, "confirmed": "on", "expected_amount": "0"}
    assert editor.post(url, data).status_code == 403
    assert client_for(accounts["customer"]).get(url).status_code == 302
    assert client_for(None).get(url).status_code == 302
    assert not credit_notes().exists()
