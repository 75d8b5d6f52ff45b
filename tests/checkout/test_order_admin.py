"""Staff handle orders in Django admin: find, read, mark paid, pack, ship with
a tracking number, cancel; only the moves of the status pipeline, only for
shop managers (shop/commerce/order/admin.py and handling.py)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from shop.commerce.outbox.models import OutgoingEmail
from shop.core.money import format_price
from tests.helpers import (
    add_routine,
    admin_form_data,
    checkout_until_review,
    client_for,
    place_order,
    text_of,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

TRACKING = "70730259304981234"
TRACKING_LINK = f"https://sporing.posten.no/sporing/{TRACKING}"


@pytest.fixture
def invoice_order(client, shop):
    """Kari Nordmann's routine, by invoice: Awaiting payment."""
    add_routine(client, shop)
    checkout_until_review(client)
    place_order(client)
    return Order.objects.get()


@pytest.fixture
def other_order(shop):
    """Ola Hansen's order in Bergen, paid, with no payment source recorded."""
    address = oscar_factories.ShippingAddressFactory(
        first_name="Ola", last_name="Hansen", postcode="5003", line4="Bergen"
    )
    return oscar_factories.create_order(
        number="200077",
        shipping_address=address,
        guest_email="ola@example.no",
        status="Paid",
    )


@pytest.fixture
def manager(accounts):
    return client_for(accounts["manager"])


def change_page(order):
    return reverse("admin:order_order_change", args=[order.pk])


def step(client, name, order, **data):
    return client.post(
        reverse(f"admin:order_order_{name}", args=[order.pk]), data, follow=True
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def stock(product):
    record = product.stockrecords.get()
    return record.num_in_stock, record.num_allocated or 0


# --- The list -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["NUMBER", "Kari", "Kari Nordmann", "kari@example.no", "0155"]
)
def test_the_list_finds_an_order_by_number_name_email_or_postcode(
    manager, invoice_order, other_order, query
):
    query = query.replace("NUMBER", invoice_order.number)
    response = manager.get(reverse("admin:order_order_changelist"), {"q": query})
    assert list(response.context["cl"].result_list) == [invoice_order]


def test_the_list_finds_the_other_order_by_its_postcode_and_name(
    manager, invoice_order, other_order
):
    for query in ("5003", "Hansen", "ola@example.no", "200077"):
        response = manager.get(reverse("admin:order_order_changelist"), {"q": query})
        assert list(response.context["cl"].result_list) == [other_order], query


def test_the_list_filters_by_status_and_payment_method(
    manager, invoice_order, other_order
):
    changelist = reverse("admin:order_order_changelist")
    by_status = manager.get(changelist, {"status": "Awaiting payment"})
    paying_by_invoice = manager.get(changelist, {"payment": "invoice"})
    by_card = manager.get(changelist, {"payment": "card"})

    assert invoice_order.status == "Awaiting payment"
    assert other_order.status == "Paid"
    assert list(by_status.context["cl"].result_list) == [invoice_order]
    assert list(paying_by_invoice.context["cl"].result_list) == [invoice_order]
    assert list(by_card.context["cl"].result_list) == []


def test_the_list_shows_who_ordered_what_for_how_much(manager, invoice_order):
    html = manager.get(reverse("admin:order_order_changelist")).content.decode()
    for shown in (
        invoice_order.number,
        "Kari Nordmann",
        "kari@example.no",
        format_price(invoice_order.total_incl_tax, "NOK"),
        "Awaiting payment",
        "Invoice",
    ):
        assert shown in html, shown


# --- The order's page -----------------------------------------------------------


def test_the_order_page_shows_lines_addresses_payment_and_history(
    manager, shop, invoice_order
):
    step(manager, "mark_paid", invoice_order, reference="Bank 2026-12-01")

    response = manager.get(change_page(invoice_order))

    assert response.status_code == 200
    html = response.content.decode()
    for line in invoice_order.lines.all():
        assert line.title in html
    for shown in (
        "Storgata 5",
        "0155 Oslo",
        "+47 41 23 45 67",
        "Invoice",  # the payment source
        "Bank 2026-12-01",  # its transaction and payment event
        "Status history",
        "Awaiting payment",
        "Paid",
        "Marked paid",  # the note
        f"Order {invoice_order.number} is confirmed",  # the outbox's e-mail
        reverse("admin-packing-slip", args=[invoice_order.pk]),
        reverse("admin:order_order_ship", args=[invoice_order.pk]),
        # Its invoice (documents' inline) and the refund page crediting it.
        reverse("admin-document-pdf", args=[invoice_order.sales_documents.get().pk]),
        reverse("admin-order-refund", args=[invoice_order.pk]),
    ):
        assert shown in html, shown
    # Nobody edits what an order cost.
    form = response.context["adminform"].form
    assert not {"total_incl_tax", "shipping_incl_tax", "status"} & set(form.fields)
    assert 'name="lines-0-quantity"' not in html


def test_staff_add_a_note_and_nothing_else_changes(manager, accounts, invoice_order):
    page = manager.get(change_page(invoice_order))
    data = admin_form_data(page)
    data.update(
        {
            "notes-TOTAL_FORMS": int(data["notes-TOTAL_FORMS"]) + 1,
            f"notes-{data['notes-TOTAL_FORMS']}-message": "Customer called: "
            "leave it at the door.",
            "total_incl_tax": "1.00",
        }
    )

    response = manager.post(change_page(invoice_order), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    note = invoice_order.notes.get(message__startswith="Customer called")
    assert note.user == accounts["manager"]
    invoice_order.refresh_from_db()
    assert invoice_order.total_incl_tax > Decimal("1.00")


# --- The steps ------------------------------------------------------------------


def test_marking_an_invoice_order_paid_records_the_payment(
    manager, accounts, invoice_order
):
    response = step(manager, "mark_paid", invoice_order, reference="Bank 0412")

    invoice_order.refresh_from_db()
    assert invoice_order.status == "Paid"
    assert f"Order {invoice_order.number} is now Paid." in messages_of(response)
    source = invoice_order.sources.get()
    assert source.source_type.code == "invoice"
    assert source.amount_debited == invoice_order.total_incl_tax
    assert source.transactions.get().reference == "Bank 0412"
    event = invoice_order.payment_events.get()
    assert (event.event_type.code, event.amount) == ("paid", source.amount_debited)
    assert [c.new_status for c in invoice_order.status_changes.all()] == ["Paid"]
    assert invoice_order.notes.filter(
        user=accounts["manager"], message__startswith="Marked paid"
    ).exists()


def test_an_order_is_marked_paid_once(manager, invoice_order):
    step(manager, "mark_paid", invoice_order)
    again = step(manager, "mark_paid", invoice_order)

    assert (
        f"Order {invoice_order.number} is Paid: it cannot become Paid."
        in messages_of(again)
    )
    assert invoice_order.payment_events.count() == 1


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["is on its way", "Tracking number: " + TRACKING, "Follow the parcel"]),
        ("nb", ["er på vei", "Sporingsnummer: " + TRACKING, "Følg pakken"]),
    ],
)
def test_shipping_sends_the_tracking_link_in_the_orders_language(
    manager, shop, invoice_order, language, words
):
    Order.objects.filter(pk=invoice_order.pk).update(language=language)
    step(manager, "mark_paid", invoice_order)
    before = [stock(product) for product in shop.products]

    response = step(manager, "ship", invoice_order, tracking_number=f" {TRACKING} ")

    invoice_order.refresh_from_db()
    assert invoice_order.status == "Shipped"
    assert invoice_order.tracking_number == TRACKING
    assert {line.status for line in invoice_order.lines.all()} == {"Shipped"}
    assert invoice_order.shipping_events.get().event_type.code == "shipped"
    for product, (in_stock, allocated) in zip(shop.products, before, strict=True):
        assert stock(product) == (in_stock - 1, allocated - 1)
    email = OutgoingEmail.objects.get(text__contains=TRACKING)
    assert email.to == ["kari@example.no"]
    for word in words:
        assert word in email.subject + email.text + email.html, word
    assert TRACKING_LINK in email.text
    assert f'href="{TRACKING_LINK}"' in email.html
    assert TRACKING_LINK in response.content.decode()  # on the order's page


def test_an_unpaid_order_cannot_be_shipped(manager, invoice_order):
    response = step(manager, "ship", invoice_order, tracking_number=TRACKING)

    assert (
        f"Order {invoice_order.number} is Awaiting payment: it cannot become "
        "Shipped." in messages_of(response)
    )
    invoice_order.refresh_from_db()
    assert (invoice_order.status, invoice_order.tracking_number) == (
        "Awaiting payment",
        "",
    )
    assert not OutgoingEmail.objects.filter(subject__contains="on its way").exists()


@pytest.mark.parametrize("number", ["", "12", "<script>", "x" * 65])
def test_shipping_needs_a_real_tracking_number(manager, invoice_order, number):
    step(manager, "mark_paid", invoice_order)
    response = step(manager, "ship", invoice_order, tracking_number=number)

    assert any("tracking number" in m for m in messages_of(response))
    invoice_order.refresh_from_db()
    assert invoice_order.status == "Paid"


def test_cancelling_asks_first_then_gives_the_stock_back(manager, shop, invoice_order):
    before = [stock(product) for product in shop.products]
    cancel = reverse("admin:order_order_cancel", args=[invoice_order.pk])

    question = manager.get(cancel)
    invoice_order.refresh_from_db()
    assert question.status_code == 200
    assert "Yes, cancel" in question.content.decode()
    assert invoice_order.status == "Awaiting payment"

    manager.post(cancel)

    invoice_order.refresh_from_db()
    assert invoice_order.status == "Cancelled"
    for product, (in_stock, allocated) in zip(shop.products, before, strict=True):
        assert stock(product) == (in_stock, allocated - 1)


def test_a_shipped_order_cannot_be_cancelled(manager, invoice_order):
    step(manager, "mark_paid", invoice_order)
    step(manager, "ship", invoice_order, tracking_number=TRACKING)

    response = step(manager, "cancel", invoice_order)

    assert (
        f"Order {invoice_order.number} is Shipped: it cannot become Cancelled."
        in messages_of(response)
    )
    invoice_order.refresh_from_db()
    assert invoice_order.status == "Shipped"


def test_the_list_marks_orders_paid_and_refuses_those_it_cannot(
    manager, invoice_order, other_order
):
    response = manager.post(
        reverse("admin:order_order_changelist"),
        {
            "action": "mark_paid_selected",
            "_selected_action": [invoice_order.pk, other_order.pk],
        },
        follow=True,
    )

    invoice_order.refresh_from_db()
    other_order.refresh_from_db()
    assert invoice_order.status == "Paid"
    assert other_order.status == "Paid"
    assert any("cannot become Paid" in m for m in messages_of(response))


def test_the_list_cancels_orders_after_asking(manager, invoice_order):
    changelist = reverse("admin:order_order_changelist")
    chosen = {"action": "cancel_selected", "_selected_action": [invoice_order.pk]}

    question = manager.post(changelist, chosen)
    invoice_order.refresh_from_db()
    assert "Yes, cancel" in question.content.decode()
    assert invoice_order.status == "Awaiting payment"

    manager.post(changelist, {**chosen, "post": "yes"})
    invoice_order.refresh_from_db()
    assert invoice_order.status == "Cancelled"


# --- The packing slip -----------------------------------------------------------


def test_the_packing_slip_lists_what_to_pack_and_where_without_prices(
    manager, invoice_order
):
    response = manager.get(reverse("admin-packing-slip", args=[invoice_order.pk]))

    assert response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    for shown in (
        invoice_order.number,
        timezone.localtime(invoice_order.date_placed).strftime("%d.%m.%Y"),
        "Kari Nordmann",
        "Storgata 5",
        "0155 Oslo",
        "+47 41 23 45 67",
        invoice_order.shipping_method,
        "Note for the packer",
    ):
        assert shown in text, shown
    for line in invoice_order.lines.all():
        assert line.title in text
    assert "NOK" not in text


# --- Who may ----------------------------------------------------------------------


def test_content_editors_and_customers_cannot_see_or_move_orders(
    accounts, invoice_order
):
    addresses = [
        reverse("admin:order_order_changelist"),
        change_page(invoice_order),
        reverse("admin-packing-slip", args=[invoice_order.pk]),
    ]
    steps = [
        reverse(f"admin:order_order_{name}", args=[invoice_order.pk])
        for name in ("mark_paid", "ship", "cancel")
    ]
    for role, refused in (("editor", 403), ("customer", 302), ("anonymous", 302)):
        client = client_for(accounts[role])
        for address in addresses + steps:
            assert client.get(address).status_code == refused, (role, address)
        for address in steps:
            answer = client.post(address, {"tracking_number": TRACKING})
            assert answer.status_code == refused, (role, address)
        answer = client.post(
            reverse("admin:order_order_changelist"),
            {"action": "cancel_selected", "_selected_action": [invoice_order.pk]},
        )
        assert answer.status_code == refused
    invoice_order.refresh_from_db()
    assert invoice_order.status == "Awaiting payment"
    assert not invoice_order.payment_events.exists()


def test_nobody_adds_or_deletes_an_order_in_admin(accounts, invoice_order):
    superuser = client_for(accounts["superuser"])
    assert superuser.get(reverse("admin:order_order_add")).status_code == 403
    delete = reverse("admin:order_order_delete", args=[invoice_order.pk])
    assert superuser.post(delete, {"post": "yes"}).status_code == 403
    assert Order.objects.filter(pk=invoice_order.pk).exists()


def test_the_shipped_email_is_written_in_bokmaal_for_a_bokmaal_order(
    manager, shop, client
):
    """An order placed from the Bokmål pages records "nb" and is told so."""
    with translation.override("nb"):
        add_routine(client, shop)
        checkout_until_review(client)
        place_order(client)
    order = Order.objects.get()
    assert order.language == "nb"
    step(manager, "mark_paid", order)
    step(manager, "ship", order, tracking_number=TRACKING)
    email = OutgoingEmail.objects.get(text__contains=TRACKING)
    assert email.subject.startswith(f"Bestilling {order.number} er på vei")
