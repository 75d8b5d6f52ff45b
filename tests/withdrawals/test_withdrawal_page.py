"""The withdrawal page (/angrerett/, /en/withdrawal/): a guest or a customer
finds the order by its number and e-mail address, picks lines and sends;
both sides get a receipt, staff see it on the order; every refusal is a
clear message, and nothing tells a stranger which orders exist."""

import json
from datetime import timedelta

import lxml.html
import pytest
from django.contrib import admin
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from shop.commerce.statuses import OrderStatus
from shop.commerce.withdrawals import rules, submitting
from shop.commerce.withdrawals.admin import WithdrawalInline
from shop.commerce.withdrawals.models import Withdrawal
from shop.commerce.withdrawals.personal_data import (
    anonymise_withdrawals_of,
    withdrawals_of,
)
from tests.helpers import client_for
from tests.i18n.test_bokmaal_pages import Pages

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")

NOT_FOUND = "We could not find an order with this order number and e-mail address."


def withdrawal_url(language="en"):
    with translation.override(language):
        return reverse("withdrawal")


def find(client, number, email, language="en"):
    return client.post(
        withdrawal_url(language), {"step": "find", "number": number, "email": email}
    )


def send(client, order, quantities, *, language="en", email=None, message=""):
    """Step 2 as the browser posts it: ``quantities`` maps a line to units."""
    data = {
        "step": "send",
        "number": order.number,
        "email": email or order.email,
        "message": message,
    }
    for line, quantity in quantities.items():
        data[f"line-{line.pk}"] = "on"
        data[f"quantity-{line.pk}"] = str(quantity)
    return client.post(withdrawal_url(language), data)


def text(response):
    return " ".join(
        lxml.html.fromstring(response.content.decode()).text_content().split()
    )


def ship(order, *, days_ago=0):
    order.set_status(OrderStatus.PAID)
    order.set_status(OrderStatus.SHIPPED)
    order.status_changes.filter(new_status=OrderStatus.SHIPPED).update(
        date_created=timezone.now() - timedelta(days=days_ago)
    )


# --- The page -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "footer_link"),
    [
        ("en", "Right of withdrawal", "Right of withdrawal"),
        ("nb", "Angrerett", "Angrerett"),
    ],
)
@pytest.mark.parametrize("who", ["guest", "customer"])
def test_the_page_renders_for_guests_and_customers_in_both_languages(
    shop, customer, language, heading, footer_link, who
):
    client = client_for(customer if who == "customer" else None)
    url = withdrawal_url(language)
    assert url == {"en": "/en/withdrawal/", "nb": "/angrerett/"}[language]

    response = client.get(url)

    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    assert page.xpath("//h1")[0].text_content() == heading
    assert page.xpath("//meta[@name='robots']/@content")[0].startswith("noindex")
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    assert page.xpath("//form//input[@name='csrfmiddlewaretoken']")
    # Every page's footer links to it.
    home = lxml.html.fromstring(client.get("/" if language == "nb" else "/en/").content)
    assert home.xpath(f"//footer//a[@href='{url}']")[0].text_content() == footer_link
    if who == "customer":
        email = page.xpath("//input[@name='email']/@value")
        assert email == [customer.email]


def test_robots_txt_keeps_crawlers_off_it(client, db):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /angrerett/" in robots
    assert "Disallow: /en/withdrawal/" in robots


# --- A guest withdraws ------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_guest_withdraws_from_a_line_and_both_sides_hear_of_it(
    place, django_capture_on_commit_callbacks, settings, language
):
    order = place(products=(0, 3), language="en")
    mail.outbox.clear()
    client = Client()
    first, second = order.lines.order_by("pk")

    chosen = find(client, f" {order.number} ", order.email.upper(), language)
    assert chosen.status_code == 200
    page = lxml.html.fromstring(chosen.content.decode())
    assert page.xpath(f"//input[@name='line-{first.pk}']")
    assert page.xpath(f"//input[@name='line-{second.pk}']")

    with django_capture_on_commit_callbacks(execute=True):
        sent = send(client, order, {first: 1}, language=language, message="Too rich.")

    assert sent.status_code == 302
    with translation.override(language):
        assert sent["Location"] == reverse("withdrawal-sent")
    withdrawal = Withdrawal.objects.get()
    assert withdrawal.order == order
    assert withdrawal.email == "kari@example.no"
    assert withdrawal.message == "Too rich."
    assert withdrawal.language == language
    assert [(line.order_line, line.quantity) for line in withdrawal.lines.all()] == [
        (first, 1)
    ]

    receipt_page = client.get(sent["Location"])
    assert receipt_page.status_code == 200
    assert order.number in text(receipt_page)
    assert first.title in text(receipt_page)
    assert second.title not in text(receipt_page)

    receipt, notification = mail.outbox
    assert receipt.to == ["kari@example.no"]
    subject = {
        "en": f"We have received your withdrawal from order {order.number}",
        "nb": f"Vi har mottatt angremeldingen din for bestilling {order.number}",
    }
    assert receipt.subject == subject[language]
    assert first.title in receipt.body and order.number in receipt.body
    assert notification.to == settings.SHOP_ORDER_NOTIFICATION_EMAILS
    assert notification.subject == f"Withdrawal from order {order.number}"
    assert f"1 × {first.title}" in notification.body
    assert "Too rich." in notification.body
    assert f"/admin/order/order/{order.pk}/change/" in notification.body
    # Staff see it on the order at once, in its notes.
    note = order.notes.get(note_type=OrderNote.SYSTEM, message__contains="Withdrawal")
    assert f"1 × {first.title}" in note.message


def test_a_signed_in_customer_picks_an_order_of_theirs(
    client, customer, place, django_capture_on_commit_callbacks
):
    client.force_login(customer)
    order = place(email=customer.email)
    assert order.user == customer
    line = order.lines.get()

    page = client.get(withdrawal_url())
    options = lxml.html.fromstring(page.content.decode()).xpath(
        "//select[@name='mine']/option/@value"
    )
    assert options == ["", order.number]
    chosen = client.post(withdrawal_url(), {"step": "find", "mine": order.number})
    assert chosen.status_code == 200
    assert f'name="line-{line.pk}"' in chosen.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        sent = send(client, order, {line: 1})

    assert sent.status_code == 302
    assert Withdrawal.objects.get().order == order
    assert mail.outbox[0].to == [customer.email]


def test_a_customer_cannot_pick_someone_elses_order(client, customer, place):
    other = place(email="someone@example.no")
    client.force_login(customer)
    response = client.post(withdrawal_url(), {"step": "find", "mine": other.number})
    assert response.status_code == 200
    assert "line-" not in response.content.decode()
    assert not Withdrawal.objects.exists()


def test_some_of_several_units_are_withdrawn_and_the_rest_later(
    place, django_capture_on_commit_callbacks
):
    order = place(products=(3, 3, 3))
    line = order.lines.get()
    assert line.quantity == 3
    client = Client()

    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, order, {line: 2}).status_code == 302
    again = find(client, order.number, order.email)
    page = lxml.html.fromstring(again.content.decode())
    assert page.xpath(f"//input[@name='line-{line.pk}']"), "one unit is left"
    assert not page.xpath(f"//select[@name='quantity-{line.pk}']")
    assert "Ordered: 3" in text(again)

    # A form from before (another tab) asking for more than is left.
    with pytest.raises(rules.Refusal):
        submitting.submit_withdrawal(
            order=order, quantities={line.pk: 2}, email=order.email
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, order, {line: 1}).status_code == 302
    assert sum(w.lines.get().quantity for w in Withdrawal.objects.all()) == 3


# --- Refusals -------------------------------------------------------------------


def test_a_wrong_number_and_a_wrong_address_get_the_same_answer(place):
    order = place()
    client = Client()

    wrong_number = find(client, "999999", order.email)
    wrong_email = find(client, order.number, "other@example.no")
    neither = find(client, "abc", "x@example.no")

    for response in (wrong_number, wrong_email, neither):
        assert response.status_code == 200
        assert NOT_FOUND in text(response)
        assert "line-" not in response.content.decode()
    main_of = [
        lxml.html.fromstring(r.content.decode()).xpath("//main")[0].text_content()
        for r in (wrong_number, wrong_email)
    ]
    assert main_of[0] == main_of[1]


def test_a_forged_second_step_is_checked_again(place):
    order = place()
    line = order.lines.get()
    response = send(Client(), order, {line: 1}, email="other@example.no")
    assert response.status_code == 200
    assert NOT_FOUND in text(response)
    assert not Withdrawal.objects.exists()


def test_guessing_order_numbers_is_stopped_after_a_few_tries(place, settings):
    settings.SHOP_ORDER_LOOKUP_RATE_PER_IP = "3/h"
    order = place()
    client = Client()
    for guess in range(3):
        assert NOT_FOUND in text(find(client, str(900000 + guess), order.email))

    held = find(client, order.number, order.email)

    assert "holding off" in text(held)
    assert "line-" not in held.content.decode()


@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_cancelled_order_is_refused(place, language):
    order = place()
    order.set_status(OrderStatus.CANCELLED)
    response = find(Client(), order.number, order.email, language)
    says = {"en": "This order is cancelled", "nb": "Denne bestillingen er kansellert"}
    assert says[language] in text(response)
    assert "line-" not in response.content.decode()


def test_an_unpaid_card_order_is_refused(place):
    order = place()
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PENDING_PAYMENT)
    response = find(Client(), order.number, order.email)
    assert "This order is not confirmed" in text(response)


@pytest.mark.parametrize("language", ["en", "nb"])
def test_an_order_past_the_withdrawal_period_is_refused(place, settings, language):
    order = place()
    days = settings.SHOP_WITHDRAWAL_GRACE_DAYS + 14
    ship(order, days_ago=days + 1)
    response = find(Client(), order.number, order.email, language)
    says = {
        "en": "The withdrawal period for this order ended on",
        "nb": "Angrefristen for denne bestillingen gikk ut",
    }
    assert says[language] in text(response)
    assert "line-" not in response.content.decode()


def test_a_shipped_order_is_taken_within_the_period_and_its_grace(place, settings):
    order = place()
    ship(order, days_ago=settings.SHOP_WITHDRAWAL_GRACE_DAYS + 14 - 1)
    response = find(Client(), order.number, order.email)
    assert f'name="line-{order.lines.get().pk}"' in response.content.decode()
    assert "We take withdrawals from this order on this page until" in text(response)


def test_an_order_not_yet_shipped_can_always_be_withdrawn_from(place):
    order = place()
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - timedelta(days=90)
    )
    response = find(Client(), order.number, order.email)
    assert f'name="line-{order.lines.get().pk}"' in response.content.decode()


def test_lines_already_withdrawn_are_refused(place, django_capture_on_commit_callbacks):
    order = place(products=(0, 3))
    first, second = order.lines.order_by("pk")
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, order, {first: 1}).status_code == 302

    page = find(client, order.number, order.email)
    assert f'name="line-{first.pk}"' not in page.content.decode()
    assert f"{first.title}: already withdrawn" in text(page)
    again = send(client, order, {first: 1})
    assert again.status_code == 200
    assert Withdrawal.objects.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, order, {second: 1}).status_code == 302
    everything = find(client, order.number, order.email)
    assert "Everything in this order has already been withdrawn" in text(everything)


def test_nothing_chosen_asks_for_a_product(place):
    order = place()
    response = send(Client(), order, {})
    assert "Choose at least one product to withdraw from." in text(response)
    assert not Withdrawal.objects.exists()


def test_the_form_needs_its_csrf_token(place):
    order = place()
    client = Client(enforce_csrf_checks=True)
    response = find(client, order.number, order.email)
    assert response.status_code == 403


def test_the_receipt_page_without_a_withdrawal_goes_to_the_page(client, db):
    response = client.get(reverse("withdrawal-sent"))
    assert response.status_code == 302
    assert response["Location"] == reverse("withdrawal")


# --- Staff and personal data ------------------------------------------------------


def test_staff_see_the_withdrawal_in_admin(
    place, django_capture_on_commit_callbacks, accounts
):
    order = place()
    line = order.lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), order, {line: 1})
    withdrawal = Withdrawal.objects.get()

    manager = client_for(accounts["manager"])
    listing = manager.get(reverse("admin:withdrawals_withdrawal_changelist"))
    assert listing.status_code == 200
    assert order.number in listing.content.decode()
    detail = manager.get(
        reverse("admin:withdrawals_withdrawal_change", args=[withdrawal.pk])
    )
    assert detail.status_code == 200
    assert line.title in detail.content.decode()

    inline = WithdrawalInline(Order, admin.site)
    assert inline.model is Withdrawal
    assert inline.products(withdrawal) == f"1 × {line.title}"
    request = listing.wsgi_request
    assert not inline.has_add_permission(request, order)
    assert not inline.has_change_permission(request, order)
    assert not inline.has_delete_permission(request, order)


def test_withdrawals_of_a_person_are_json_and_can_be_forgotten(
    place, customer, django_capture_on_commit_callbacks
):
    guest_order = place(email="guest@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), guest_order, {guest_order.lines.get(): 1}, message="Hei")

    data = withdrawals_of("GUEST@example.no")

    assert json.loads(json.dumps(data)) == data
    assert data[0]["order_number"] == guest_order.number
    assert data[0]["lines"] == [
        {"product": guest_order.lines.get().title, "quantity": 1}
    ]
    assert data[0]["message"] == "Hei"
    assert withdrawals_of(customer) == []

    anonymise_withdrawals_of("guest@example.no")
    withdrawal = Withdrawal.objects.get()
    assert (withdrawal.email, withdrawal.message) == ("", "")
    assert withdrawal.lines.count() == 1


# --- In Bokmål, through and through ---------------------------------------------


@pytest.mark.parametrize("who", ["guest", "customer"])
def test_every_step_reads_in_bokmaal(
    bilingual_shop, customer, place, django_capture_on_commit_callbacks, who
):
    order = place(language="nb", products=(0, 3, 3), email=customer.email)
    client = client_for(customer if who == "customer" else None)
    visits = Pages(client)
    url = withdrawal_url("nb")
    first, second = order.lines.order_by("pk")

    visits.get(url, "the withdrawal page")
    visits.post(url, {"step": "find", "number": "", "email": ""}, "nothing given")
    visits.post(
        url, {"step": "find", "number": "1", "email": order.email}, "wrong number"
    )
    visits.post(
        url, {"step": "find", "number": order.number, "email": order.email}, "lines"
    )
    visits.post(
        url,
        {"step": "send", "number": order.number, "email": order.email},
        "no line chosen",
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = send(client, order, {second: 1}, language="nb")
    assert sent.status_code == 302
    visits.get(sent["Location"], "the receipt page")
    visits.post(
        url,
        {"step": "find", "number": order.number, "email": order.email},
        "a line partly withdrawn",
    )
    with django_capture_on_commit_callbacks(execute=True):
        send(client, order, {first: 1, second: 1}, language="nb")
    visits.post(
        url,
        {"step": "find", "number": order.number, "email": order.email},
        "everything withdrawn",
    )
    visits.assert_all_bokmaal()
    receipt = mail.outbox[-2]
    assert "Produktene du angrer kjøpet av" in receipt.body
