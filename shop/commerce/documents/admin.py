"""Money documents in admin: read-only for everyone, superusers included.

Numbers and contents are fixed once issued (models.py), so admin offers no
add, change or delete; shop managers look documents up and open their PDFs.
``SalesDocumentInline`` lists an order's documents on the order's admin page.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from shop.commerce.documents.models import DocumentSequence, SalesDocument
from shop.core.admin_records import RecordAdminMixin
from shop.core.money import format_price


def pdf_link(document):
    return format_html(
        '<a href="{}">PDF</a>', reverse("admin-document-pdf", args=[document.pk])
    )


@admin.register(SalesDocument)
class SalesDocumentAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "order", "issued_at", "total", "refers_to", "pdf")
    list_filter = ("kind",)
    search_fields = ("=number", "order__number", "kid")
    date_hierarchy = "issued_at"
    list_select_related = ("order", "refers_to")
    fields = (
        "kind",
        "number",
        "order",
        "issued_at",
        "total",
        "due_date",
        "kid",
        "refers_to",
        "shipping_credited",
        "returned_to_stock",
        "refund_reference",
        "language",
        "pdf",
    )
    readonly_fields = fields

    @admin.display(description="amount")
    def total(self, document):
        return format_price(document.amount, document.currency)

    @admin.display(description="PDF")
    def pdf(self, document):
        return pdf_link(document)

    def get_actions(self, request):
        return {}  # not even "delete selected"


@admin.register(DocumentSequence)
class DocumentSequenceAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ("series", "last_number")
    readonly_fields = ("series", "last_number")

    def get_actions(self, request):
        return {}


class SalesDocumentInline(RecordAdminMixin, admin.TabularInline):
    """An order's invoice or receipt and credit notes, each with its PDF."""

    model = SalesDocument
    fk_name = "order"
    extra = 0
    can_delete = False
    show_change_link = False
    fields = ("kind", "number", "issued_at", "total", "refers_to", "pdf")
    readonly_fields = fields
    ordering = ("issued_at",)

    @admin.display(description="amount")
    def total(self, document):
        return format_price(document.amount, document.currency)

    @admin.display(description="PDF")
    def pdf(self, document):
        return pdf_link(document)
