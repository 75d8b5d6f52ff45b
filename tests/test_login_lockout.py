"""Repeated wrong passwords pause signing in (django-axes), per account and per
IP address, on every login form: the customer's, the checkout's and Django
admin's. The pause ends by itself after the cool-off,
or when staff delete the lockout in admin."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from shop.security import staff
from tests.helpers import add_routine

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


def customer_login(client, email, password, ip="10.0.0.1"):
    return client.post(
        reverse("customer:login"),
        {
            "login-username": email,
            "login-password": password,
            "login_submit": "Log In",
        },
        REMOTE_ADDR=ip,
    )


def is_signed_in(client):
    return "_auth_user_id" in client.session


def assert_paused(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "Signing in is paused" in html
    assert "You can try again after" in html
    assert reverse("password-reset") in html
    assert 'class="site-header"' in html  # our layout, not a bare page
    return html


def test_the_right_password_is_refused_after_too_many_wrong_ones(client, customer):
    for _ in range(LIMIT - 1):
        assert customer_login(client, customer.email, "wrong").status_code == 200
    assert_paused(customer_login(client, customer.email, "wrong"))

    assert_paused(customer_login(client, customer.email, "kari-password"))
    assert not is_signed_in(client)


def test_fewer_wrong_passwords_than_the_limit_do_not_lock(client, customer):
    for _ in range(LIMIT - 1):
        customer_login(client, customer.email, "wrong")
    assert customer_login(client, customer.email, "kari-password").status_code == 302
    assert is_signed_in(client)


def test_one_account_tried_from_many_addresses_is_paused(client, customer):
    for n in range(LIMIT):
        customer_login(client, customer.email, "wrong", ip=f"10.1.0.{n}")
    assert_paused(customer_login(client, customer.email, "kari-password", "10.2.0.1"))


def test_the_account_counts_whatever_the_case_of_the_address(client, customer):
    for n in range(LIMIT):
        customer_login(client, f"KARI@example.no{' ' * n}", "wrong", ip=f"10.1.0.{n}")
    assert_paused(customer_login(client, customer.email, "kari-password", "10.2.0.1"))


def test_one_address_trying_many_accounts_is_paused(
    client, customer, django_user_model
):
    for n in range(LIMIT):
        customer_login(client, f"someone{n}@example.no", "guess", ip="10.3.0.1")
    assert_paused(customer_login(client, customer.email, "kari-password", "10.3.0.1"))
    # Another address is not held up by the first one's guesses.
    assert customer_login(client, customer.email, "kari-password", "10.4.0.1").url


def test_the_pause_says_until_when_in_oslo_time(client, customer):
    for _ in range(LIMIT):
        response = customer_login(client, customer.email, "wrong")
    latest = AccessAttempt.objects.get().attempt_time
    until = timezone.localtime(latest + settings.AXES_COOLOFF_TIME)
    assert f"You can try again after {until:%H:%M}" in assert_paused(response)


def test_the_pause_ends_after_the_cool_off(client, customer):
    for _ in range(LIMIT):
        customer_login(client, customer.email, "wrong")
    # As if the cool-off had passed since the last failure.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert customer_login(client, customer.email, "kari-password").status_code == 302
    assert is_signed_in(client)


def test_passwords_are_not_stored_with_the_failed_attempts(client, customer):
    customer_login(client, customer.email, "my-secret-guess")
    attempt = AccessAttempt.objects.get()
    assert "my-secret-guess" not in attempt.post_data
    assert customer.email not in attempt.post_data


@pytest.mark.django_db(transaction=True)
def test_failed_attempts_are_kept_after_the_request_commits(client, customer):
    """ATOMIC_REQUESTS wraps the login view; the failures must still be saved."""
    for _ in range(LIMIT):
        customer_login(client, customer.email, "wrong")
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == LIMIT
    assert_paused(customer_login(client, customer.email, "kari-password"))


def test_the_checkout_sign_in_is_paused_too(client, customer, demo_catalogue):
    add_routine(client, demo_catalogue)
    data = {"username": customer.email, "options": "existing", "password": "wrong"}
    for _ in range(LIMIT - 1):
        response = client.post(reverse("checkout:index"), data)
        assert response.status_code == 200
    assert_paused(client.post(reverse("checkout:index"), data))
    data["password"] = "kari-password"
    assert_paused(client.post(reverse("checkout:index"), data))
    assert not is_signed_in(client)


def test_the_staff_login_is_paused_too(client, staff_user):
    login_url = "/admin/login/"
    for _ in range(LIMIT):
        client.post(login_url, {"username": "owner", "password": "wrong"})
    response = client.post(
        login_url, {"username": "owner", "password": "owner-password"}
    )
    assert_paused(response)
    assert not is_signed_in(client)


@pytest.fixture
def shop_manager(django_user_model):
    staff.ensure_groups()
    manager = django_user_model.objects.create_user(
        username="manager", email="manager@skinome.example", password="x", is_staff=True
    )
    manager.groups.add(Group.objects.get(name=staff.SHOP_MANAGERS))
    return manager


@pytest.mark.parametrize("unlocker", ["staff_user", "shop_manager"])
def test_staff_can_lift_a_pause_in_admin(client, customer, request, unlocker):
    for _ in range(LIMIT):
        customer_login(client, customer.email, "wrong")
    attempt = AccessAttempt.objects.get()

    staff_client = type(client)()
    staff_client.force_login(request.getfixturevalue(unlocker))
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert customer.email in staff_client.get(changelist).content.decode()
    response = staff_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert customer_login(client, customer.email, "kari-password").status_code == 302


def test_content_editors_cannot_see_or_lift_pauses(client, customer, django_user_model):
    staff.ensure_groups()
    editor = django_user_model.objects.create_user(
        username="editor", email="editor@skinome.example", password="x", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=staff.CONTENT_EDITORS))
    client.force_login(editor)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 403
