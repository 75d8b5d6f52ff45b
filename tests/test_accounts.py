"""Customer accounts: our own templates for signing in, the password and the
account pages, without Oscar's Bootstrap and jQuery."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from shop.commerce import addresses

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
UserAddress = get_model("address", "UserAddress")
ShippingAddress = get_model("order", "ShippingAddress")
Email = get_model("communication", "Email")

NBSP = "\xa0"
PRICE = re.compile(rf"\d+,\d\d{NBSP}NOK")


def assert_own_markup(response):
    assert response.status_code == 200
    html = response.content.decode()
    lowered = html.lower()
    assert "bootstrap" not in lowered and "jquery" not in lowered
    assert "<script>" not in lowered and " style=" not in lowered
    assert html.count("<h1") == 1
    assert 'name="robots" content="noindex' in html
    return html


@pytest.fixture
def norway():
    return Country.objects.create(
        iso_3166_1_a2="NO",
        name="Norway",
        printable_name="Norway",
        is_shipping_country=True,
    )


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def test_login_page_uses_our_layout(client):
    html = assert_own_markup(client.get(reverse("customer:login")))
    assert '<label for="id_login-username">Email address</label>' in html
    assert '<label for="id_registration-email">Email address</label>' in html
    # The password is chosen after the e-mailed link (tests/test_registration.py).
    assert "id_registration-password1" not in html
    assert 'name="login_submit"' in html and 'name="registration_submit"' in html
    assert 'autocomplete="current-password"' in html
    assert reverse("password-reset") in html


def test_asking_for_an_account_on_the_sign_in_page(client):
    response = client.post(
        reverse("customer:login"),
        {"registration-email": "ola@example.no", "registration_submit": "Register"},
    )
    assert response.url == reverse("customer:register-sent")
    assert_own_markup(client.get(response.url))


def test_standalone_registration_page(client):
    url = reverse("customer:register")
    assert_own_markup(client.get(url))
    response = client.post(url, {"email": "nora@example.no"})
    assert response.url == reverse("customer:register-sent")


def test_registration_errors_are_shown_at_the_fields(client, customer):
    response = client.post(
        reverse("customer:login"),
        {"registration-email": "kari@", "registration_submit": "Register"},
    )
    html = assert_own_markup(response)
    assert 'class="notice form-errors" role="alert"' in html
    assert 'id="id_registration-email-error"' in html
    assert (
        'aria-describedby="id_registration-email-help id_registration-email-error"'
        in html
    )
    assert "Enter a valid email address" in html
    assert 'aria-invalid="true"' in html


def test_sign_in_with_email_and_password(client, customer):
    response = client.post(
        reverse("customer:login"),
        {
            "login-username": "kari@example.no",
            "login-password": "kari-password",
            "login_submit": "Log In",
        },
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == customer.pk


def test_wrong_password_gives_a_clear_error(client, customer):
    response = client.post(
        reverse("customer:login"),
        {
            "login-username": "kari@example.no",
            "login-password": "wrong",
            "login_submit": "Log In",
        },
    )
    html = assert_own_markup(response)
    assert '<div class="notice form-errors" role="alert">' in html
    assert "The email address or the password is wrong" in html
    assert "_auth_user_id" not in client.session
    # The address typed is kept, the password is not.
    assert 'value="kari@example.no"' in html
    assert 'value="wrong"' not in html


def test_password_reset_sends_a_link_that_sets_a_new_password(client, customer):
    assert_own_markup(client.get(reverse("password-reset")))
    response = client.post(reverse("password-reset"), {"email": "kari@example.no"})
    assert response.url == reverse("password-reset-done")
    assert_own_markup(client.get(response.url))

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kari@example.no"]
    link = re.search(
        r"/en/password-reset/confirm/[^/\s]+/[^/\s]+/", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body

    # Django swaps the token in the address for one in the session.
    response = client.get(link.group(0), follow=True)
    html = assert_own_markup(response)
    assert "Choose a new password" in html
    assert 'autocomplete="new-password"' in html
    form_url = response.redirect_chain[-1][0]

    response = client.post(
        form_url,
        {"new_password1": "Ny-hudpleie-2025", "new_password2": "Ny-hudpleie-2025"},
    )
    assert response.url == reverse("password-reset-complete")
    assert_own_markup(client.get(response.url))

    response = client.post(
        reverse("customer:login"),
        {
            "login-username": "kari@example.no",
            "login-password": "Ny-hudpleie-2025",
            "login_submit": "Log In",
        },
    )
    assert int(client.session["_auth_user_id"]) == customer.pk


def test_used_reset_link_says_so(client, customer):
    url = reverse(
        "password-reset-confirm", kwargs={"uidb64": "MQ", "token": "bad-token"}
    )
    html = assert_own_markup(client.get(url))
    assert "This link no longer works" in html


def test_add_a_norwegian_address(signed_in, customer, norway):
    assert_own_markup(signed_in.get(reverse("customer:address-create")))
    response = signed_in.post(
        reverse("customer:address-create"),
        {
            "first_name": "Kari",
            "last_name": "Nordmann",
            "line1": "Storgata 1",
            "line2": "",
            "postcode": "0155",
            "line4": "Oslo",
            "country": "NO",
            "phone_number": "+47 912 34 567",
            "notes": "",
        },
    )
    assert response.status_code == 302
    address = UserAddress.objects.get(user=customer)
    assert (address.line1, address.postcode, address.line4) == (
        "Storgata 1",
        "0155",
        "Oslo",
    )

    html = assert_own_markup(signed_in.get(reverse("customer:address-list")))
    assert "Storgata 1" in html
    assert reverse("customer:address-detail", kwargs={"pk": address.pk}) in html

    signed_in.get(
        reverse(
            "customer:address-change-status",
            kwargs={"pk": address.pk, "action": "default_for_shipping"},
        )
    )
    address.refresh_from_db()
    assert address.is_default_for_shipping


def test_the_address_book_asks_for_an_address_as_the_checkout_does(
    signed_in, customer, norway
):
    html = signed_in.get(reverse("customer:address-create")).content.decode()
    optional = {"line2", "phone_number", "notes"}
    for name in addresses.FIELDS:
        label = addresses.LABELS[name] + (" (optional)" if name in optional else "")
        assert f'<label for="id_{name}">{label}</label>' in html
    assert "The carrier texts you when the parcel is on its way." in html
    postcode = re.search(r'<input [^>]*name="postcode"[^>]*>', html).group(0)
    phone = re.search(r'<input [^>]*name="phone_number"[^>]*>', html).group(0)
    assert 'maxlength="4"' in postcode and 'inputmode="numeric"' in postcode
    assert 'type="tel"' in phone and 'autocomplete="tel"' in phone

    data = {"first_name": "Kari", "last_name": "Nordmann", "line1": "Storgata 1"}
    data |= {"postcode": "01 55", "line4": "Oslo", "country": "NO"}
    assert signed_in.post(reverse("customer:address-create"), data).status_code == 302
    assert UserAddress.objects.get(user=customer).postcode == "0155"
    wrong = signed_in.post(
        reverse("customer:address-create"), {**data, "postcode": "155"}
    )
    assert "A Norwegian postcode has four digits" in wrong.content.decode()


def test_address_errors_are_shown_at_the_fields(signed_in, norway):
    response = signed_in.post(
        reverse("customer:address-create"), {"first_name": "Kari", "country": "NO"}
    )
    html = assert_own_markup(response)
    assert '<label for="id_line1">Street address</label>' in html
    assert 'aria-describedby="id_line1-error"' in html
    assert '<p class="field-error" id="id_line1-error">' in html


def test_wrong_password_when_changing_it(signed_in):
    response = signed_in.post(
        reverse("customer:change-password"),
        {
            "old_password": "wrong",
            "new_password1": "Ny-hudpleie-2025",
            "new_password2": "Ny-hudpleie-2025",
        },
    )
    html = assert_own_markup(response)
    assert 'id="id_old_password-error"' in html


def test_every_account_page_renders_in_our_layout(signed_in, customer, norway):
    address = UserAddress.objects.create(
        user=customer,
        first_name="Kari",
        last_name="Nordmann",
        line1="Storgata 1",
        postcode="0155",
        line4="Oslo",
        country=norway,
    )
    email = Email.objects.create(
        user=customer,
        email=customer.email,
        subject="Welcome to Skinome",
        body_text="Hello",
        body_html="<p>Hello &amp; welcome</p>",
    )
    order = create_order(user=customer)
    urls = [
        reverse("customer:profile-view"),
        reverse("customer:profile-update"),
        reverse("customer:profile-delete"),
        reverse("customer:change-password"),
        reverse("customer:order-list"),
        reverse("customer:order-list") + "?date_from=&date_to=&order_number=",
        reverse("customer:order", kwargs={"order_number": order.number}),
        reverse("customer:address-list"),
        reverse("customer:address-create"),
        reverse("customer:address-detail", kwargs={"pk": address.pk}),
        reverse("customer:address-delete", kwargs={"pk": address.pk}),
        reverse("customer:email-list"),
        reverse("customer:email-detail", kwargs={"email_id": email.pk}),
    ]
    for url in urls:
        html = assert_own_markup(signed_in.get(url))
        assert 'aria-label="Your account"' in html, url
        assert reverse("customer:logout") in html, url

    assert signed_in.get(reverse("customer:summary")).url == reverse(
        "customer:profile-view"
    )
    html = signed_in.get(reverse("customer:profile-view")).content.decode()
    assert "<h1>Profile</h1>" in html and "kari@example.no" in html
    html = signed_in.get(reverse("customer:email-list")).content.decode()
    assert "<h1>Email history</h1>" in html and "Welcome to Skinome" in html
    html = signed_in.get(
        reverse("customer:email-detail", kwargs={"email_id": email.pk})
    ).content.decode()
    assert 'srcdoc="&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;"' in html


def test_order_history_and_order_page(signed_in, customer, norway):
    address = ShippingAddress.objects.create(
        first_name="Kari",
        last_name="Nordmann",
        line1="Storgata 1",
        postcode="0155",
        line4="Oslo",
        country=norway,
        phone_number="+4791234567",
    )
    order = create_order(user=customer, shipping_address=address)
    html = assert_own_markup(signed_in.get(reverse("customer:order-list")))
    assert str(order.number) in html
    assert PRICE.search(html)
    assert reverse("customer:order", kwargs={"order_number": order.number}) in html

    html = assert_own_markup(
        signed_in.get(reverse("customer:order", kwargs={"order_number": order.number}))
    )
    assert str(order.number) in html
    line = order.lines.get()
    assert line.description in html
    for amount in (
        line.line_price_before_discounts_incl_tax,
        order.shipping_incl_tax,
        order.total_incl_tax,
        order.total_tax,
    ):
        assert f"{amount:.2f}".replace(".", ",") + f"{NBSP}NOK" in html
    assert "Of which VAT (25&nbsp;%)" in html
    assert PRICE.search(html)
    assert "Storgata 1<br>" in html and "0155 Oslo<br>" in html
    assert "Mobile: +47 91 23 45 67" in html

    response = signed_in.post(
        reverse("customer:order", kwargs={"order_number": order.number}),
        {"action": "reorder"},
    )
    assert response.status_code == 302


def test_someone_elses_order_is_not_shown(signed_in, staff_user):
    order = create_order(user=staff_user)
    url = reverse("customer:order", kwargs={"order_number": order.number})
    assert signed_in.get(url).status_code == 404


def test_guest_order_status_pages(client):
    order = create_order(guest_email="guest@example.no")
    kwargs = {"order_number": order.number, "hash": order.verification_hash()}
    form_url = reverse("customer:anon-order-form", kwargs=kwargs)
    assert client.get(reverse("customer:anon-order", kwargs=kwargs)).url == form_url
    assert_own_markup(client.get(form_url))

    html = assert_own_markup(client.post(form_url, {"email": "other@example.no"}))
    assert "Order not found" in html

    response = client.post(form_url, {"email": "guest@example.no"})
    html = assert_own_markup(client.get(response.url))
    assert f"Order {order.number}" in html
    assert PRICE.search(html)


def test_account_pages_need_a_signed_in_customer(client):
    response = client.get(reverse("customer:order-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("customer:login"))
