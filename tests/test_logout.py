"""Signing out takes a POST with the CSRF token: a link or an <img> on another
site cannot sign a customer out."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGOUT_FORM = re.compile(
    r'<form class="logout-form" method="post" action="/en/accounts/logout/">\s*'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">'
)


def is_signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def csrf_checked_client(customer):
    """A client that checks CSRF tokens, as a real browser session is checked."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(customer)
    return client


def test_a_get_does_not_sign_out_and_offers_the_button(csrf_checked_client):
    response = csrf_checked_client.get(
        reverse("customer:logout"), HTTP_SEC_FETCH_DEST="image"
    )
    assert response.status_code == 200
    assert is_signed_in(csrf_checked_client)
    assert LOGOUT_FORM.search(response.content.decode())


def test_a_post_without_the_csrf_token_does_not_sign_out(csrf_checked_client):
    response = csrf_checked_client.post(reverse("customer:logout"))
    assert response.status_code == 403
    assert is_signed_in(csrf_checked_client)


def test_the_sign_out_button_signs_out(csrf_checked_client):
    page = csrf_checked_client.get(reverse("customer:profile-view")).content.decode()
    token = LOGOUT_FORM.search(page).group(1)
    response = csrf_checked_client.post(
        reverse("customer:logout"), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not is_signed_in(csrf_checked_client)


def test_a_signed_out_visitor_opening_the_old_link_goes_home(client):
    response = client.get(reverse("customer:logout"))
    assert response.status_code == 302
    assert response.url == reverse("home")
