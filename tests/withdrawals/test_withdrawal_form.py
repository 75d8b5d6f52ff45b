"""Every order confirmation carries the withdrawal form (angreskjema) as a
PDF filled in with the order, in the order's language, and tells the
customer how to withdraw."""

import pytest
from django.conf import settings
from django.core import mail

from shop.commerce.outbox.models import OutgoingEmail
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


def the_form(confirmation):
    # After the invoice or receipt (tests/documents checks that one).
    *_documents, (filename, content, mimetype) = confirmation.attachments
    assert mimetype == "application/pdf"
    return filename, " ".join(text_of(content).split())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            {
                "filename": "withdrawal-form-{number}.pdf",
                "title": "Withdrawal form",
                "notice": "I hereby give notice that I withdraw from my contract of "
                "sale of the following goods",
                "ordered": "Ordered on",
                "received": "Received on",
                "signature": "Signature (only if this form is sent on paper)",
            },
        ),
        (
            "nb",
            {
                "filename": "angreskjema-{number}.pdf",
                "title": "Angreskjema",
                "notice": "Jeg gir herved beskjed om at jeg går fra avtalen om kjøp av "
                "disse varene",
                "ordered": "Bestilt den",
                "received": "Mottatt den",
                "signature": "Underskrift (bare hvis skjemaet sendes på papir)",
            },
        ),
    ],
)
def test_the_confirmation_carries_the_filled_in_withdrawal_form(place, language, words):
    order = place(language=language, products=(0, 3))
    confirmation = mail.outbox[0]
    assert confirmation.to == ["kari@example.no"]

    filename, text = the_form(confirmation)

    assert filename == words["filename"].format(number=order.number)
    for key in ("title", "notice", "ordered", "received", "signature"):
        assert words[key] in text, key
    assert order.number in text
    assert "Kari Nordmann" in text
    assert "Storgata 5, 0155 Oslo" in text
    company = settings.SHOP_COMPANY
    for fact in (company["name"], company["address"], company["email"]):
        assert fact in text
    for line in order.lines.all():
        assert line.title in text
        assert line.partner_sku in text


def test_the_form_is_made_when_the_email_is_sent_not_stored(place):
    order = place()
    stored = OutgoingEmail.objects.get(to=[order.email])
    assert stored.attachments[-1] == {
        "maker": "withdrawals.form",
        "args": {"order_pk": order.pk},
    }


@pytest.mark.parametrize(
    ("language", "says", "page"),
    [
        ("en", "within 14 days of receiving the goods", "/en/withdrawal/"),
        ("nb", "innen 14 dager etter at du har fått varene", "/angrerett/"),
    ],
)
def test_the_confirmation_says_how_to_withdraw(place, language, says, page):
    place(language=language)
    confirmation = mail.outbox[0]
    html = confirmation.alternatives[0][0]
    for body in (" ".join(confirmation.body.split()), " ".join(html.split())):
        assert says in body
        assert settings.SHOP_SITE_URL + page in body
        assert settings.SHOP_COMPANY["email"] in body
