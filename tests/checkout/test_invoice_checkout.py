"""A guest (or a customer) buys and pays by invoice."""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.commerce.checkout.views import PaymentDetailsView
from shop.commerce.outbox import tasks as outbox_tasks
from shop.commerce.outbox.models import OutgoingEmail
from tests.helpers import (
    ADDRESS,
    add_product,
    add_routine,
    checkout_until_review,
    place_order,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")


def test_guest_buys_the_routine_by_invoice(
    client, shop, django_capture_on_commit_callbacks
):
    add_routine(client, shop)
    review = checkout_until_review(client)
    assert review.status_code == 200
    html = review.content.decode()
    assert "1.467,95\xa0NOK" in html and "Free" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.status == "Awaiting payment"
    assert order.total_incl_tax == Decimal("1467.95")
    assert order.guest_email == "kari@example.no"
    thank_you = client.get(response["Location"]).content.decode()
    assert order.number in thank_you and "1.467,95\xa0NOK" in thank_you
    for product in shop.products:
        assert product.stockrecords.get().num_allocated == 1
    confirmation, notification = mail.outbox
    assert confirmation.to == ["kari@example.no"]
    assert order.number in confirmation.subject
    assert "Total: 1.467,95\xa0NOK" in confirmation.body
    assert confirmation.alternatives[0][1] == "text/html"
    assert notification.to == ["hello@skinome.example"]


def test_shipping_is_charged_below_the_free_threshold_with_its_vat(
    client, shop, django_capture_on_commit_callbacks
):
    cleanser = shop.products[3]  # Gentle Cleansing Milk, 199.00
    add_product(client, cleanser)

    review = checkout_until_review(client, shipping="home-delivery")

    html = review.content.decode()
    assert "Home delivery" in html
    assert "129,00\xa0NOK" in html
    assert re.search(r'id="order-total">328,00\xa0NOK<', html)
    assert re.search(r'id="order-vat">65,60\xa0NOK<', html)  # 328.00 / 1.25 * 0.25
    assert "25,80\xa0NOK" in html  # the VAT in the shipping charge

    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    assert order.shipping_incl_tax == Decimal("129.00")
    assert order.shipping_excl_tax == Decimal("103.20")
    assert order.total_incl_tax == Decimal("328.00")
    text = mail.outbox[0].body
    for expected in (
        "1 × Gentle Cleansing Milk: 199,00\xa0NOK",
        "Shipping (Home delivery): 129,00\xa0NOK",
        "Total: 328,00\xa0NOK",
        "Of which VAT (25 %): 65,60\xa0NOK",
        "please pay 328,00\xa0NOK by ",
        "to account 0000.00.00000, with KID ",
        "0155 Oslo",
    ):
        assert expected in text, expected
    html = mail.outbox[0].alternatives[0][0]
    assert "328,00\xa0NOK" in html and "Gentle Cleansing Milk" in html


def test_the_shipping_page_shows_each_method_with_price_and_vat(client, shop):
    add_product(client, shop.products[3])
    checkout_until_review(client)  # to have an address in the session
    html = client.get(reverse("checkout:shipping-method")).content.decode()
    assert "Pickup point" in html and "69,00\xa0NOK" in html
    assert "Including 13,80\xa0NOK VAT." in html
    assert "Free from 800,00\xa0NOK." in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "123", "A Norwegian postcode has four digits"),
        ("postcode", "01a5", "A Norwegian postcode has four digits"),
        ("phone_number", "", "This field is required."),
        ("phone_number", "12", "not a valid"),
        ("line4", "", "This field is required."),
        ("first_name", "", "This field is required."),
        ("last_name", "", "This field is required."),
        ("line1", "", "This field is required."),
    ],
)
def test_a_bad_address_says_what_is_wrong_and_keeps_what_was_typed(
    client, shop, field, value, message
):
    add_product(client, shop.products[0])
    client.post(
        reverse("checkout:index"),
        {"username": "kari@example.no", "options": "anonymous"},
    )
    data = {**ADDRESS, field: value}

    response = client.post(reverse("checkout:shipping-address"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Storgata 5"' in html or field == "line1"
    assert 'aria-invalid="true"' in html


def test_a_postcode_with_a_space_is_accepted(client, shop):
    add_product(client, shop.products[0])
    client.post(
        reverse("checkout:index"),
        {"username": "kari@example.no", "options": "anonymous"},
    )
    response = client.post(
        reverse("checkout:shipping-address"), {**ADDRESS, "postcode": " 01 55 "}
    )
    assert response["Location"] == reverse("checkout:shipping-method")


def test_the_gateway_wants_a_real_email_address(client, shop):
    add_product(client, shop.products[0])
    response = client.post(
        reverse("checkout:index"), {"username": "not-an-email", "options": "anonymous"}
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()


def test_a_payment_method_must_be_chosen(client, shop):
    add_product(client, shop.products[0])
    checkout_until_review(client)
    response = client.post(reverse("checkout:payment-method"), {"method": "bitcoin"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


def test_an_unknown_shipping_method_is_refused(client, shop):
    add_product(client, shop.products[0])
    checkout_until_review(client)
    response = client.post(
        reverse("checkout:shipping-method"), {"method_code": "teleport"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your submitted shipping method is not permitted" in html
    assert "Choose pickup point" in html


def test_card_is_not_offered_without_stripe_keys(client, shop, settings):
    settings.STRIPE_SECRET_KEY = ""
    add_product(client, shop.products[0])
    checkout_until_review(client)
    html = client.get(reverse("checkout:payment-method")).content.decode()
    assert 'value="invoice"' in html and 'value="card"' not in html


def test_no_order_without_accepting_the_terms(client, shop):
    add_product(client, shop.products[0])
    checkout_until_review(client)

    response = place_order(client, accept_terms=False)

    assert response.status_code == 200
    assert "Please accept the terms of sale to order." in response.content.decode()
    assert not Order.objects.exists()
    assert "/en/pages/terms-of-sale/" in response.content.decode()


def test_placing_the_order_twice_gives_one_order(client, shop):
    add_routine(client, shop)
    checkout_until_review(client)

    first = place_order(client)
    second = place_order(client)

    assert Order.objects.count() == 1
    assert first["Location"] == reverse("checkout:thank-you")
    assert second.status_code == 302
    assert shop.products[0].stockrecords.get().num_allocated == 1


def test_stock_gone_before_review_sends_the_customer_back_to_the_basket(client, shop):
    add_routine(client, shop)
    checkout_until_review(client)
    cream = shop.products[1]
    cream.stockrecords.update(num_allocated=F("num_in_stock"))  # sold meanwhile

    response = place_order(client)

    assert response["Location"] == reverse("basket:summary")
    assert not Order.objects.exists()
    basket = client.get(reverse("basket:summary"))
    html = basket.content.decode()
    assert f"{cream.get_title()}&#x27; is no longer available" in html
    assert basket.context["basket"].num_lines == 4


def test_stock_gone_while_the_order_is_placed_rolls_everything_back(
    client, shop, monkeypatch
):
    """The last units go to another customer after the checks passed but
    before this order takes them: the database refuses the allocation."""
    add_routine(client, shop)
    checkout_until_review(client)
    cream = shop.products[1]
    handle_payment = PaymentDetailsView.handle_payment

    def sold_meanwhile(view, *args, **kwargs):
        cream.stockrecords.update(num_allocated=F("num_in_stock"))
        return handle_payment(view, *args, **kwargs)

    monkeypatch.setattr(PaymentDetailsView, "handle_payment", sold_meanwhile)

    response = place_order(client)

    assert response["Location"] == reverse("basket:summary")
    assert not Order.objects.exists()
    assert not OrderLine.objects.exists()
    basket = client.get(reverse("basket:summary"))
    html = basket.content.decode()
    assert f"Sorry, “{cream.get_title()}” sold out while you were checking out" in html
    assert basket.context["basket"].num_lines == 4
    for product in shop.products:
        if product != cream:  # nothing stays allocated to an order that failed
            assert not product.stockrecords.get().num_allocated


@pytest.fixture
def order_while_mail_is_down(
    client, shop, settings, django_capture_on_commit_callbacks
):
    """The routine ordered while the mail server refuses connections; then
    the mail server is back."""
    settings.EMAIL_BACKEND = "tests.checkout.broken_mail.Backend"
    add_routine(client, shop)
    checkout_until_review(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return response


def test_mail_server_down_the_order_is_placed_and_mail_sent_later(
    order_while_mail_is_down,
):
    assert order_while_mail_is_down["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    pending = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert pending.count() == 2
    assert "Connection refused" in pending.first().last_error
    assert mail.outbox == []

    out = StringIO()
    call_command("send_pending_emails", stdout=out)

    assert "sent: 2, still pending: 0" in out.getvalue()
    assert [message.to for message in mail.outbox] == [
        ["kari@example.no"],
        ["hello@skinome.example"],
    ]
    assert order.number in mail.outbox[0].subject


def test_unsent_mail_waits_for_the_sweep_not_for_a_customers_request(
    client, order_while_mail_is_down
):
    """No web request sends what failed: the scheduler's sweep does, once
    the back-off has passed (shop/commerce/outbox/mail.py)."""
    client.get(reverse("home"))
    assert mail.outbox == []

    outbox_tasks.send_due_emails.apply()  # the sweep, before the retry is due
    assert mail.outbox == []
    waiting = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert all(email.next_attempt_at > timezone.now() for email in waiting)

    waiting.update(next_attempt_at=timezone.now())  # a minute later
    outbox_tasks.send_due_emails.apply()

    assert len(mail.outbox) == 2
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


def test_a_signed_in_customer_checks_out_with_a_saved_address(client, shop, customer):
    client.force_login(customer)
    add_product(client, shop.products[0])
    client.get(reverse("checkout:index"))
    client.post(reverse("checkout:shipping-address"), ADDRESS)
    client.post(reverse("checkout:shipping-method"), {"method_code": "pickup-point"})
    client.post(reverse("checkout:payment-method"), {"method": "invoice"})
    place_order(client)

    order = Order.objects.get()
    assert order.user == customer
    assert customer.addresses.get().postcode == "0155"  # saved for next time
    history = client.get(reverse("customer:order-list")).content.decode()
    assert order.number in history

    # Next time the saved address is offered.
    add_product(client, shop.products[1])
    page = client.get(reverse("checkout:shipping-address")).content.decode()
    assert "Send it here" in page and "Storgata 5" in page
