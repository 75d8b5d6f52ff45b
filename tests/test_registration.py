"""Creating an account never tells a stranger whether an address has one.

Every request shows the same "check your email" page; only the address's
owner learns more, by e-mail: a new address gets a link to choose a password
(which makes the account), an address with an account gets a note with links
to sign in and to reset the password.
"""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse

from shop.commerce.accounts import signup
from shop.commerce.outbox.mail import send_pending
from tests.helpers import add_routine

pytestmark = pytest.mark.django_db

User = get_user_model()
LINK = re.compile(r"https?://[^/\s]+(/en/accounts/register/confirm/[^/\s]+/)")


def ask_on_the_login_page(client, email):
    return client.post(
        reverse("customer:login"),
        {"registration-email": email, "registration_submit": "Register"},
    )


def ask_on_the_register_page(client, email):
    return client.post(reverse("customer:register"), {"email": email})


def visible_text(response):
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return html


def mails_to(address):
    send_pending()
    return [message for message in mail.outbox if message.to == [address]]


@pytest.mark.parametrize("ask", [ask_on_the_login_page, ask_on_the_register_page])
def test_new_and_existing_addresses_get_the_same_answer(client, customer, ask):
    answers = []
    for email in (customer.email, "nora@example.no"):
        response = ask(client, email)
        assert response.status_code == 302
        assert response.url == reverse("customer:register-sent")
        answers.append(visible_text(client.get(response.url)))
    assert answers[0] == answers[1]
    assert "Check your email" in answers[0]
    assert "already exists" not in answers[0]


def test_a_new_address_gets_a_link_that_makes_the_account(client):
    ask_on_the_register_page(client, "nora@example.no")
    (message,) = mails_to("nora@example.no")
    assert "Finish creating your Skinome account" in message.subject
    link = LINK.search(message.body)
    assert link, message.body
    assert not User.objects.filter(email="nora@example.no").exists()

    page = client.get(link.group(1))
    assert page.status_code == 200
    assert "Choose your password" in page.content.decode()
    assert "nora@example.no" in page.content.decode()
    response = client.post(
        link.group(1),
        {"new_password1": "Hud-pleie-2024", "new_password2": "Hud-pleie-2024"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nora@example.no")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert user.check_password("Hud-pleie-2024")

    # The link has done its job: it cannot make or change an account again.
    client.post(reverse("customer:logout"))
    page = client.get(link.group(1))
    assert "This link no longer works" in page.content.decode()
    client.post(
        link.group(1),
        {"new_password1": "Other-pass-99", "new_password2": "Other-pass-99"},
    )
    user.refresh_from_db()
    assert user.check_password("Hud-pleie-2024")
    assert User.objects.filter(email__iexact="nora@example.no").count() == 1


def test_a_weak_password_is_explained_and_nothing_is_made(client):
    ask_on_the_register_page(client, "nora@example.no")
    path = LINK.search(mails_to("nora@example.no")[0].body).group(1)
    response = client.post(path, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    assert not User.objects.filter(email="nora@example.no").exists()


def test_an_existing_address_gets_a_note_with_sign_in_links(client, customer):
    ask_on_the_login_page(client, "KARI@example.no")
    (message,) = mails_to(customer.email)
    assert "You already have a Skinome account" in message.subject
    assert reverse("customer:login") in message.body
    assert reverse("password-reset") in message.body
    assert not LINK.search(message.body)
    customer.refresh_from_db()
    assert customer.check_password("kari-password")
    assert User.objects.count() == 1


def test_links_point_at_the_shops_own_address(client, settings):
    settings.SHOP_SITE_URL = "https://shop.skinome.example"
    client.post(
        reverse("customer:register"),
        {"email": "nora@example.no"},
        HTTP_HOST="evil.example",
    )
    body = mails_to("nora@example.no")[0].body
    assert "https://shop.skinome.example/en/accounts/register/confirm/" in body
    assert "evil.example" not in body


class SignedTwoDaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 49 * 60 * 60)


def test_a_forged_or_expired_link_does_nothing(client):
    expired = SignedTwoDaysAgo(salt=signup.SALT).sign_object(
        "nora@example.no", compress=True
    )
    forged = signup.link_for("nora@example.no").rsplit("/", 2)[-2][:-2] + "xx"
    for token in (expired, forged):
        url = reverse("customer:register-confirm", args=[token])
        assert "This link no longer works" in client.get(url).content.decode()
        client.post(url, {"new_password1": "Hud-pleie-2024", "new_password2": "x"})
    assert not User.objects.filter(email="nora@example.no").exists()


def test_the_signup_e_mails_go_through_the_outbox(client, customer):
    from shop.commerce.outbox.models import OutgoingEmail

    ask_on_the_register_page(client, customer.email)
    ask_on_the_register_page(client, "nora@example.no")
    assert sorted(e.to[0] for e in OutgoingEmail.objects.all()) == [
        "kari@example.no",
        "nora@example.no",
    ]


@pytest.mark.parametrize("email", ["kari@example.no", "nora@example.no"])
@pytest.mark.parametrize("option", ["new", "anonymous"])
def test_the_checkout_does_not_say_which_addresses_have_accounts(
    client, customer, demo_catalogue, email, option
):
    add_routine(client, demo_catalogue)
    response = client.post(
        reverse("checkout:index"), {"username": email, "options": option}
    )
    assert response.status_code == 302
    assert response.url == reverse("checkout:shipping-address")
    page = client.get(response.url, follow=True).content.decode()
    assert "already exists" not in page
    if option == "new":
        assert "We have e-mailed you a link to finish creating your account" in page
        assert len(mails_to(email)) == 1
    else:
        assert mails_to(email) == []
