"""Nobody can make the shop e-mail an address over and over: Oscar's stock
alerts (anonymous, any address) are gone, and every form that sends mail is
rate-limited per visitor IP address and per target address, with a message
on the form. The limits fail open when the cache is down."""

import logging

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from shop.commerce.outbox.mail import send_pending
from shop.commerce.outbox.models import OutgoingEmail
from tests.helpers import add_routine

pytestmark = pytest.mark.django_db

ProductAlert = get_model("customer", "ProductAlert")
HOLDING_OFF = "to protect inboxes we are holding off"


@pytest.fixture
def low_limits(settings):
    settings.SHOP_MAIL_RATE_PER_ADDRESS = "2/h"
    settings.SHOP_MAIL_RATE_PER_IP = "4/h"
    return settings


def sent_to(address):
    send_pending()
    return [message for message in mail.outbox if address in message.to]


@pytest.mark.parametrize(
    "url",
    [
        f"{accounts}alerts/{tail}"
        for accounts in ("/konto/", "/en/accounts/")
        for tail in (
            "",
            "create/1/",
            "confirm/some-key/",
            "cancel/key/some-key/",
            "cancel/1/",
        )
    ],
)
def test_the_stock_alert_pages_are_gone(client, demo_catalogue, url):
    product = demo_catalogue.products[0]
    url = url.replace("/1/", f"/{product.pk}/")
    assert client.get(url).status_code == 404
    response = client.post(url, {"email": "victim@example.no"})
    assert response.status_code == 404
    assert not ProductAlert.objects.exists()
    assert mail.outbox == []


def test_saving_stock_sends_no_alert_e_mails(demo_catalogue):
    product = demo_catalogue.products[0]
    ProductAlert.objects.create(
        product=product, email="someone@example.no", status=ProductAlert.ACTIVE
    )
    record = product.stockrecords.get()
    record.num_in_stock = 0
    record.save()
    record.num_in_stock = 20
    record.save()
    assert sent_to("someone@example.no") == []


def reset(client, email, ip="10.0.0.1"):
    return client.post(reverse("password-reset"), {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_is_limited_per_address(client, customer, low_limits):
    for n in range(2):
        assert reset(client, customer.email, ip=f"10.0.0.{n}").status_code == 302
    response = reset(client, customer.email, ip="10.0.0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert HOLDING_OFF in html
    assert "try again in about" in html
    assert 'id="password_reset_form"' in html
    assert len(sent_to(customer.email)) == 2


def test_password_reset_is_limited_per_visitor(client, low_limits):
    for n in range(4):
        assert reset(client, f"someone{n}@example.no").status_code == 302
    response = reset(client, "one-more@example.no")
    assert HOLDING_OFF in response.content.decode()
    # Another visitor is not held up.
    assert reset(client, "one-more@example.no", ip="10.0.0.2").status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_counted(client, low_limits):
    low_limits.SHOP_TRUSTED_PROXY_COUNT = 1
    for n in range(4):
        client.post(
            reverse("password-reset"),
            {"email": f"someone{n}@example.no"},
            REMOTE_ADDR="10.0.0.254",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7",
        )
    response = client.post(
        reverse("password-reset"),
        {"email": "one-more@example.no"},
        REMOTE_ADDR="10.0.0.254",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert HOLDING_OFF in response.content.decode()
    response = client.post(
        reverse("password-reset"),
        {"email": "one-more@example.no"},
        REMOTE_ADDR="10.0.0.254",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert response.status_code == 302


def test_asking_for_an_account_is_limited_per_address(client, low_limits):
    for n in range(2):
        response = client.post(
            reverse("customer:register"),
            {"email": "nora@example.no"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
        assert response.status_code == 302
    response = client.post(
        reverse("customer:login"),
        {"registration-email": "nora@example.no", "registration_submit": "Register"},
    )
    assert response.status_code == 200
    assert HOLDING_OFF in response.content.decode()
    assert 'value="nora@example.no"' in response.content.decode()
    assert len(sent_to("nora@example.no")) == 2


def test_the_checkout_account_option_is_limited_and_the_order_goes_on(
    client, demo_catalogue, low_limits
):
    add_routine(client, demo_catalogue)
    data = {"username": "nora@example.no", "options": "new"}
    for _ in range(2):
        client.post(reverse("checkout:index"), data)
    response = client.post(reverse("checkout:index"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("checkout:shipping-address")
    assert HOLDING_OFF in response.content.decode()
    assert len(sent_to("nora@example.no")) == 2


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def change_email(client, email):
    return client.post(
        reverse("customer:profile-update"),
        {"first_name": "", "last_name": "", "email": email},
    )


def test_e_mail_changes_are_limited(signed_in, customer, low_limits):
    """Oscar tells the old address of a change: switching back and forth
    would otherwise mail the address switched away from, again and again."""
    low_limits.SHOP_MAIL_RATE_PER_IP = "10/h"
    for other in ("x1@example.no", "x2@example.no"):
        assert change_email(signed_in, "victim@example.no").status_code == 302
        assert change_email(signed_in, other).status_code == 302
    assert change_email(signed_in, "victim@example.no").status_code == 302
    response = change_email(signed_in, "x3@example.no")
    assert response.status_code == 200
    assert HOLDING_OFF in response.content.decode()
    customer.refresh_from_db()
    assert customer.email == "victim@example.no"
    assert len(sent_to("victim@example.no")) == 2
    # Saving the profile without changing the address sends nothing and is
    # never held up.
    response = signed_in.post(
        reverse("customer:profile-update"),
        {"first_name": "Kari", "last_name": "", "email": "victim@example.no"},
    )
    assert response.status_code == 302


def test_password_changes_are_limited(signed_in, customer, low_limits):
    passwords = ["kari-password", "Ny-hudpleie-1", "Ny-hudpleie-2", "Ny-hudpleie-3"]
    for old, new in zip(passwords[:2], passwords[1:3], strict=True):
        response = signed_in.post(
            reverse("customer:change-password"),
            {"old_password": old, "new_password1": new, "new_password2": new},
        )
        assert response.status_code == 302
    response = signed_in.post(
        reverse("customer:change-password"),
        {
            "old_password": passwords[2],
            "new_password1": passwords[3],
            "new_password2": passwords[3],
        },
    )
    assert response.status_code == 200
    assert HOLDING_OFF in response.content.decode()


def test_the_limits_fail_open_when_the_cache_is_down(
    client, customer, low_limits, caplog
):
    low_limits.CACHES = {
        **low_limits.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    low_limits.RATELIMIT_USE_CACHE = "down"
    with caplog.at_level(logging.WARNING, logger="shop.security.rate_limits"):
        for _ in range(3):
            assert reset(client, customer.email).status_code == 302
    assert len(sent_to(customer.email)) == 3
    assert "Rate limit skipped" in caplog.text
    assert customer.email not in caplog.text


def test_the_outbox_holds_only_what_was_allowed(client, low_limits):
    for _ in range(5):
        client.post(reverse("customer:register"), {"email": "nora@example.no"})
    assert OutgoingEmail.objects.count() == 2
