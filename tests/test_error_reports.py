"""Server errors reach ADMINS by e-mail, and neither log lines nor error
e-mails carry customers' e-mail addresses, phone numbers or what they typed."""

import logging
from io import StringIO

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

ADMIN = ("Ops", "ops@skinome.example")


@pytest.fixture
def log_output():
    """What the shop's configured console handler writes, from every logger."""
    (console,) = [h for h in logging.getLogger().handlers if h.name == "console"]
    output = StringIO()
    original = console.setStream(output)
    yield output
    console.setStream(original)


def test_a_log_line_names_no_e_mail_address_or_phone_number(log_output):
    logging.getLogger("shop.commerce.orders").warning(
        "Order %s: could not write to %s or call %s",
        "100001",
        "kari.nordmann@example.no",
        "+47 412 34 567",
    )
    assert log_output.getvalue().endswith(
        " WARNING [-] shop.commerce.orders: "
        "Order 100001: could not write to [email] or call [phone]\n"
    )


def test_an_exception_logged_with_its_traceback_is_scrubbed_too(log_output):
    try:
        raise ValueError("no account for ola@example.no, 41234567")
    except ValueError:
        logging.getLogger("shop.commerce.outbox.mail").exception("Lookup failed")
    written = log_output.getvalue()
    assert "Traceback" in written and "ValueError: no account for [email]" in written
    assert "ola@example.no" not in written and "41234567" not in written


def test_a_log_call_with_wrong_arguments_never_breaks_the_caller(log_output):
    logging.getLogger("shop.commerce.orders").warning(
        "Order %s for %s", "kari@example.no"
    )
    assert log_output.getvalue().endswith("shop.commerce.orders: Order %s for %s\n")


@pytest.mark.django_db
def test_oscars_own_log_lines_are_scrubbed(client, customer, log_output):
    """Oscar logs the address of every e-mail it sends, e.g. a password reset."""
    client.post(reverse("password-reset"), {"email": customer.email})
    assert len(mail.outbox) == 1
    written = log_output.getvalue()
    assert "Sending email to [email]" in written
    assert customer.email not in written


@pytest.fixture
def failing_page(settings):
    settings.ROOT_URLCONF = "tests.error_urls"
    settings.ADMINS = [ADMIN]
    return "/__fail__/"


@pytest.mark.django_db
def test_a_server_error_is_e_mailed_to_admins_without_personal_data(
    failing_page, log_output
):
    typed = {"last_name": "Nordmann", "email": "kari@example.no", "phone": "41234567"}
    response = Client(raise_request_exception=False).post(failing_page, typed)

    assert response.status_code == 500
    (report,) = mail.outbox
    assert report.to == [ADMIN[1]]
    assert "Internal Server Error: /__fail__/" in report.subject
    assert "Exception Value: Could not reach [email] about order 100001" in report.body
    assert "last_name = '********************'" in report.body
    assert "REMOTE_ADDR = '********************'" in report.body  # the visitor's IP
    for value in [*typed.values(), "ola@example.no"]:
        assert value not in report.body
    assert "ola@example.no" not in log_output.getvalue()


@pytest.mark.django_db
def test_the_error_page_claims_only_what_happened(failing_page):
    response = Client(raise_request_exception=False).get(f"/en{failing_page}")
    page = response.content.decode()
    assert "The error has been logged" in page
    assert "We have been told" not in page
    assert "Your basket is kept" in page


@pytest.mark.django_db
def test_without_admins_a_server_error_sends_no_e_mail(failing_page, settings):
    settings.ADMINS = []
    Client(raise_request_exception=False).get(failing_page)
    assert mail.outbox == []
