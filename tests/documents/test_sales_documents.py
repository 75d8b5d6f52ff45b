"""Invoices and receipts: issued with the order, printed from a frozen copy,
attached to the confirmation, downloadable only by the order's own people."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from oscar.core.loading import get_model

from shop.commerce.documents.kid import is_valid_kid, kid_for
from shop.commerce.documents.models import ImmutableDocument, SalesDocument
from shop.commerce.documents.printing import pdf_of
from tests.helpers import (
    add_routine,
    checkout_until_review,
    client_for,
    place_order,
    text_of,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
NBSP = "\xa0"


def short_date(day, language="en"):
    with translation.override(language):
        return date_format(day, "SHORT_DATE_FORMAT")


def test_an_invoice_order_gets_an_invoice_with_everything_the_law_asks(
    invoice_order,
):
    invoice = SalesDocument.objects.get()
    today = timezone.localdate()

    assert (invoice.kind, invoice.number) == ("invoice", 10001)
    assert invoice.order == invoice_order
    assert invoice.amount == Decimal("1467.95")
    assert invoice.due_date == today + timedelta(days=14)
    assert invoice.kid == kid_for(invoice_order.number) and is_valid_kid(invoice.kid)
    text = text_of(pdf_of(invoice))
    for expected in (
        "Invoice 10001",
        "Skinome AS",
        "Org. no. 923 456 789 MVA",
        "Foretaksregisteret",
        "Kari Nordmann",  # the buyer
        "Storgata 5",
        "kari@example.no",
        f"Order number {invoice_order.number}",
        "Payment method Invoice",
        "Delivery place Kari Nordmann, Storgata 5, 0155 Oslo",
        "Expected delivery",
        f"Due date {short_date(invoice.due_date)}",
        "Unit price incl. VAT",
        f"25{NBSP}%",
        f"Total 1.467,95{NBSP}NOK",
        f"Of which VAT (25{NBSP}%) 293,59{NBSP}NOK",  # 1467.95 − 1467.95 / 1.25
        f"Total excl. VAT 1.174,36{NBSP}NOK",
        "Account number 1503.12.34567",
        f"KID {invoice.kid}",
    ):
        assert expected in text, expected
    for product in invoice_order.lines.all():
        assert product.title in text


def test_the_confirmation_carries_the_invoice_and_links_to_the_order(invoice_order):
    confirmation, notification = mail.outbox
    # The invoice first; the withdrawal form after it.
    (filename, content, mimetype), _form = confirmation.attachments
    assert (filename, mimetype) == ("invoice-10001.pdf", "application/pdf")
    assert "Invoice 10001" in text_of(content)
    assert "with KID " + kid_for(invoice_order.number) in confirmation.body
    kwargs = {
        "order_number": invoice_order.number,
        "hash": invoice_order.verification_hash(),
    }
    assert reverse("customer:anon-order", kwargs=kwargs) in confirmation.body
    assert notification.attachments == []


def test_a_bokmal_order_gets_a_faktura(bokmaal_invoice_order):
    assert bokmaal_invoice_order.language == "nb"
    invoice = SalesDocument.objects.get()

    filename, content, _ = mail.outbox[0].attachments[0]
    assert filename == "faktura-10001.pdf"
    text = text_of(content)
    for expected in (
        "Faktura 10001",
        "Org.nr. 923 456 789 MVA",
        "Foretaksregisteret",
        f"Forfallsdato {short_date(invoice.due_date, 'nb')}",
        "Betalingsmåte Faktura",
        "Kontonummer 1503.12.34567",
        f"KID {invoice.kid}",
        f"Herav mva. (25{NBSP}%) 293,59{NBSP}NOK",
    ):
        assert expected in text, expected
    assert "Invoice" not in text and "Due date" not in text


def test_a_card_order_gets_a_receipt_when_paid(paid_card_order, stripe_fake):
    receipt = SalesDocument.objects.get()
    assert (receipt.kind, receipt.number) == ("receipt", 10001)
    assert receipt.kid == "" and receipt.due_date is None

    filename, content, _ = mail.outbox[0].attachments[0]
    assert filename == "receipt-10001.pdf"
    text = text_of(content)
    assert "Receipt 10001" in text
    assert "Payment method Card" in text
    assert "Paid by card on" in text
    assert "Org. no. 923 456 789 MVA" in text and "Foretaksregisteret" in text
    assert "KID" not in text and "Due date" not in text
    assert "Receipt 10001 is attached as a PDF." in mail.outbox[0].body


def test_an_unpaid_card_order_has_no_document_yet(card_order):
    assert not SalesDocument.objects.exists()


def test_a_document_keeps_what_it_printed_when_the_shop_changes(
    invoice_order, company, settings
):
    invoice = SalesDocument.objects.get()
    before = text_of(pdf_of(invoice))
    line = invoice_order.lines.first()
    Product.objects.filter(pk=line.product_id).update(title="Renamed")
    invoice_order.shipping_address.line1 = "Elsewhere 9"
    invoice_order.shipping_address.save()
    settings.SHOP_COMPANY = {**company, "name": "Other AS", "bank_account": "9"}

    assert text_of(pdf_of(SalesDocument.objects.get())) == before


def test_an_issued_document_cannot_be_changed_or_deleted(invoice_order):
    invoice = SalesDocument.objects.get()
    invoice.number = 1
    with pytest.raises(ImmutableDocument):
        invoice.save()
    with pytest.raises(ImmutableDocument):
        invoice.delete()
    assert SalesDocument.objects.get().number == 10001


def test_issuing_twice_gives_the_same_document(invoice_order):
    from shop.commerce.documents.issuing import issue_sales_document

    assert issue_sales_document(invoice_order) == SalesDocument.objects.get()
    assert SalesDocument.objects.count() == 1


# --- Downloads ------------------------------------------------------------------


def assert_private_pdf(response, filename):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response.content.startswith(b"%PDF")


def test_a_guest_downloads_the_invoice_from_the_guest_order_page(client, invoice_order):
    invoice = SalesDocument.objects.get()
    kwargs = {
        "order_number": invoice_order.number,
        "hash": invoice_order.verification_hash(),
    }
    pdf_url = reverse("documents:guest-pdf", kwargs={**kwargs, "pk": invoice.pk})
    stranger = client_for(None)
    assert stranger.get(pdf_url).status_code == 404  # no e-mail given yet

    form = client.post(
        reverse("customer:anon-order-form", kwargs=kwargs),
        {"email": invoice_order.email},
    )
    page = client.get(form.url).content.decode()
    assert pdf_url in page

    assert_private_pdf(client.get(pdf_url), "invoice-10001.pdf")
    wrong_hash = {**kwargs, "hash": "x" + kwargs["hash"], "pk": invoice.pk}
    assert (
        client.get(reverse("documents:guest-pdf", kwargs=wrong_hash)).status_code == 404
    )


def test_a_guest_cannot_reach_another_orders_document(
    client, invoice_order, shop, django_capture_on_commit_callbacks
):
    kwargs = {
        "order_number": invoice_order.number,
        "hash": invoice_order.verification_hash(),
    }
    client.post(
        reverse("customer:anon-order-form", kwargs=kwargs),
        {"email": invoice_order.email},
    )
    other = client_for(None)
    add_routine(other, shop)
    checkout_until_review(other, email="ola@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        place_order(other)
    theirs = SalesDocument.objects.get(number=10002)

    url = reverse("documents:guest-pdf", kwargs={**kwargs, "pk": theirs.pk})
    assert client.get(url).status_code == 404


def test_a_customer_downloads_only_their_own_documents(
    client, shop, customer, django_user_model, django_capture_on_commit_callbacks
):
    client.force_login(customer)
    add_routine(client, shop)
    checkout_until_review(client)
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    invoice = SalesDocument.objects.get()
    url = reverse(
        "documents:customer-pdf",
        kwargs={"order_number": order.number, "pk": invoice.pk},
    )

    page = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    assert url in page.content.decode()
    assert_private_pdf(client.get(url), "invoice-10001.pdf")

    someone = django_user_model.objects.create_user(
        username="ola", email="ola@example.no", password="x"
    )
    assert client_for(someone).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302  # to sign in


def test_staff_download_from_admin_only_as_shop_managers(invoice_order, accounts):
    invoice = SalesDocument.objects.get()
    url = reverse("admin-document-pdf", args=[invoice.pk])

    assert_private_pdf(client_for(accounts["manager"]).get(url), "invoice-10001.pdf")
    assert client_for(accounts["superuser"]).get(url).status_code == 200
    assert client_for(accounts["editor"]).get(url).status_code == 403
    assert client_for(accounts["customer"]).get(url).status_code == 302  # admin login
    assert client_for(None).get(url).status_code == 302


def test_admin_shows_documents_read_only_even_to_superusers(invoice_order, accounts):
    invoice = SalesDocument.objects.get()
    change = reverse("admin:documents_salesdocument_change", args=[invoice.pk])
    superuser = client_for(accounts["superuser"])

    page = superuser.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert superuser.post(change, {"number": 1}).status_code == 403
    delete = reverse("admin:documents_salesdocument_delete", args=[invoice.pk])
    assert superuser.post(delete, {"post": "yes"}).status_code == 403
    assert (
        superuser.get(reverse("admin:documents_salesdocument_add")).status_code == 403
    )
    sequence = reverse("admin:documents_documentsequence_change", args=["sales"])
    assert superuser.post(sequence, {"last_number": 1}).status_code == 403
    assert SalesDocument.objects.get().number == 10001

    listing = reverse("admin:documents_salesdocument_changelist")
    assert client_for(accounts["manager"]).get(listing).status_code == 200
    assert client_for(accounts["editor"]).get(listing).status_code == 403


def test_the_bokmal_guest_order_page_lists_the_faktura(client, bokmaal_invoice_order):
    order = bokmaal_invoice_order
    with translation.override("nb"):
        invoice = SalesDocument.objects.get()
        kwargs = {"order_number": order.number, "hash": order.verification_hash()}
        form = client.post(
            reverse("customer:anon-order-form", kwargs=kwargs), {"email": order.email}
        )
        page = client.get(form.url).content.decode()
        pdf_url = reverse("documents:guest-pdf", kwargs={**kwargs, "pk": invoice.pk})

    assert "/dokumenter/" in pdf_url
    assert "<h2>Dokumenter</h2>" in page
    assert f'href="{pdf_url}"' in page and "Faktura 10001 (PDF)" in page
    assert_private_pdf(client.get(pdf_url), "faktura-10001.pdf")
    assert reverse("customer:anon-order", kwargs=kwargs) in mail.outbox[0].body


def test_the_order_admin_inline_lists_documents_read_only(invoice_order, rf, accounts):
    from django.contrib import admin

    from shop.commerce.documents.admin import SalesDocumentInline

    inline = SalesDocumentInline(Order, admin.site)
    request = rf.get("/admin/")
    request.user = accounts["manager"]
    invoice = SalesDocument.objects.get()

    assert inline.has_view_permission(request, invoice_order)
    assert not inline.has_add_permission(request, invoice_order)
    assert not inline.has_change_permission(request, invoice_order)
    assert not inline.has_delete_permission(request, invoice_order)
    assert reverse("admin-document-pdf", args=[invoice.pk]) in inline.pdf(invoice)
    request.user = accounts["editor"]
    assert not inline.has_view_permission(request, invoice_order)
