""" "Download my data" and what deleting an account leaves: each section of
the file, nobody else's data in it, the file never cached, a modest rate
limit; and after deletion, orders that keep what bookkeeping needs while
the account, address book, baskets, e-mail log and sign-in pauses are gone."""

import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test.factories import (
    BillingAddressFactory,
    CountryFactory,
    ShippingAddressFactory,
    UserAddressFactory,
    create_order,
)

from shop.commerce.outbox import mail
from shop.commerce.outbox.models import OutgoingEmail
from shop.commerce.statuses import OrderStatus
from shop.core import personal_data
from tests.helpers import add_product, make_product

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
Email = get_model("communication", "Email")


def norway():
    return CountryFactory(iso_3166_1_a2="NO", printable_name="Norway")


def order_for(user, *, first_name, line1, phone="+4741234567", status=None):
    shipping = ShippingAddressFactory(
        first_name=first_name,
        last_name="Nordmann",
        line1=line1,
        line2="",
        line4="Oslo",
        postcode="0155",
        country=norway(),
        phone_number=phone,
    )
    billing = BillingAddressFactory(
        first_name=first_name,
        last_name="Nordmann",
        line1=line1,
        line2="",
        line4="Oslo",
        postcode="0155",
        country=norway(),
    )
    return create_order(
        user=user,
        shipping_address=shipping,
        billing_address=billing,
        status=status or OrderStatus.AWAITING_PAYMENT,
    )


@pytest.fixture
def other_customer(django_user_model):
    return django_user_model.objects.create_user(
        username="ola", email="ola@example.no", password="ola-password"
    )


@pytest.fixture
def kari_data(customer, other_customer):
    """Kari's orders, address, e-mails and a failed sign-in; and Ola's, which
    must never show in Kari's file."""
    customer.first_name, customer.last_name = "Kari", "Nordmann"
    customer.save()
    UserAddressFactory(
        user=customer, first_name="Kari", line1="Storgata 5", country=norway()
    )
    UserAddressFactory(
        user=other_customer, first_name="Ola", line1="Olavs gate 9", country=norway()
    )
    kari_order = order_for(customer, first_name="Kari", line1="Storgata 5")
    ola_order = order_for(other_customer, first_name="Ola", line1="Olavs gate 9")
    for email, number in (
        ("kari@example.no", kari_order),
        ("ola@example.no", ola_order),
    ):
        mail.queue(
            to=[email],
            subject=f"Order {number.number} is confirmed",
            template="emails/signup_link",
            context={"link": "x", "hours": 1},
        )
    OutgoingEmail.objects.update(sent_at="2026-01-02T10:00:00Z", text="", html="")
    AccessAttempt.objects.create(
        username="kari@example.no",
        ip_address="192.0.2.1",
        user_agent="x",
        http_accept="x",
        path_info="/en/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=2,
    )
    Email.objects.create(
        user=customer, subject="Your password changed", body_text="Hi Kari"
    )
    return kari_order, ola_order


def download(client):
    response = client.get(reverse("customer:personal-data-download"))
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_file_holds_every_section_of_the_customers_own_data(
    client, customer, kari_data
):
    kari_order, ola_order = kari_data
    client.force_login(customer)
    product = make_product(title="Barrier cream")
    add_product(client, product, quantity=2)

    response, data = download(client)
    sections = data["sections"]
    assert set(sections) >= {
        "profile",
        "addresses",
        "orders",
        "emails",
        "baskets",
        "sign_in_attempts",
        "account_emails",
        "withdrawals",
        "sales_documents",
    }
    assert sections["profile"]["email"] == "kari@example.no"
    assert sections["profile"]["first_name"] == "Kari"
    assert [a["lines"] for a in sections["addresses"]] == [["Storgata 5"]]
    [order] = sections["orders"]
    assert order["number"] == str(kari_order.number)
    assert order["status"] == OrderStatus.AWAITING_PAYMENT
    assert order["total_incl_tax"] == str(kari_order.total_incl_tax)
    assert order["lines"][0]["quantity"] == 1
    assert order["shipping_address"]["lines"] == ["Storgata 5"]
    assert order["billing_address"]["first_name"] == "Kari"
    assert order["language"] == kari_order.language
    assert [e["subject"] for e in sections["emails"]] == [
        f"Order {kari_order.number} is confirmed"
    ]
    assert sections["emails"][0]["sent"].startswith("2026-01-02")
    [basket] = sections["baskets"]
    assert basket["lines"][0] == {
        **basket["lines"][0],
        "product": "Barrier cream",
        "quantity": 2,
    }
    assert sections["sign_in_attempts"][0]["failures"] == 2
    assert "192.0.2.1" not in response.content.decode()
    assert sections["account_emails"][0]["subject"] == "Your password changed"

    # Nothing of Ola's: not his order, address, e-mails or name.
    text = response.content.decode()
    for other in ("Ola", "Olavs gate", str(ola_order.number), "ola@example.no"):
        assert other not in text


def test_the_file_is_an_attachment_no_one_caches(client, customer):
    client.force_login(customer)
    response, _data = download(client)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_the_files_keys_stay_english_on_the_bokmaal_page(client, customer):
    client.force_login(customer)
    with translation.override("nb"):
        url = reverse("customer:personal-data-download")
    assert url == "/konto/dine-data/last-ned/"
    data = json.loads(client.get(url).content)
    assert "profile" in data["sections"] and "orders" in data["sections"]


def test_a_guest_is_sent_to_sign_in(client):
    response = client.get(reverse("customer:personal-data-download"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))


def test_downloading_again_and_again_is_paused_with_a_message(
    client, customer, settings
):
    settings.SHOP_DATA_EXPORT_RATE = "2/h"
    client.force_login(customer)
    download(client)
    download(client)
    response = client.get(reverse("customer:personal-data-download"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("customer:personal-data")
    assert "You have downloaded your data several times" in response.content.decode()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_account_page_offers_the_file(client, customer, language):
    client.force_login(customer)
    with translation.override(language):
        page = client.get(reverse("customer:personal-data"))
        summary = client.get(reverse("customer:profile-view"))
        data_url = reverse("customer:personal-data")
    assert page.status_code == 200
    words = {"nb": "Last ned dataene mine", "en": "Download my data"}[language]
    assert words in page.content.decode()
    assert f'href="{data_url}"' in summary.content.decode()


def test_deleting_the_account_keeps_what_bookkeeping_needs_and_removes_the_rest(
    client, customer, kari_data
):
    kari_order, ola_order = kari_data
    shipped = order_for(
        customer, first_name="Kari", line1="Storgata 5", status=OrderStatus.SHIPPED
    )
    client.force_login(customer)
    add_product(client, make_product(title="Barrier cream"))

    response = client.post(
        reverse("customer:profile-delete"), {"password": "kari-password"}
    )
    assert response.status_code == 302

    assert not get_user_model().objects.filter(pk=customer.pk).exists()
    kari_order.refresh_from_db()
    # The order and what its sales document needs stay.
    assert kari_order.user is None
    assert kari_order.email == "kari@example.no"
    assert kari_order.billing_address.first_name == "Kari"
    assert kari_order.shipping_address.line1 == "Storgata 5"
    assert kari_order.lines.count() == 1
    # An unfinished order keeps the carrier's phone; a shipped one does not.
    assert str(kari_order.shipping_address.phone_number) == "+4741234567"
    shipped.refresh_from_db()
    assert str(shipped.shipping_address.phone_number or "") == ""
    # The person's account data is gone.
    assert not UserAddress.objects.filter(first_name="Kari").exists()
    assert not Basket.objects.filter(owner_id=customer.pk).exists()
    assert not Email.objects.filter(user_id=customer.pk).exists()
    assert not AccessAttempt.objects.filter(username="kari@example.no").exists()
    assert [e.to for e in OutgoingEmail.objects.all()] == [["ola@example.no"]]
    # Ola keeps everything.
    assert UserAddress.objects.filter(first_name="Ola").exists()
    ola_order.refresh_from_db()
    assert ola_order.user.email == "ola@example.no"


def test_an_unsent_e_mail_still_goes_out_after_the_account_is_deleted(customer):
    mail.queue(
        to=["kari@example.no"],
        subject="Your order is confirmed",
        template="emails/signup_link",
        context={"link": "x", "hours": 1},
    )
    customer.delete()
    assert OutgoingEmail.objects.get().subject == "Your order is confirmed"


def test_a_section_registered_later_is_in_the_file_and_told_of_deletions(
    client, customer
):
    forgotten = []
    personal_data.register(
        "withdrawals",
        export=lambda user: [{"order": "100001"}],
        anonymise=forgotten.append,
    )
    try:
        client.force_login(customer)
        _response, data = download(client)
        assert data["sections"]["withdrawals"] == [{"order": "100001"}]
        customer.delete()
        assert [user.email for user in forgotten] == ["kari@example.no"]
    finally:
        personal_data._sections.pop("withdrawals")
