"""Money documents: invoices, receipts, credit notes and refunds."""

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "shop.commerce.documents"
    label = "documents"
    verbose_name = "Money documents"

    def ready(self):
        from shop.commerce.documents import personal_data, printing
        from shop.commerce.documents.issuing import ATTACHMENT_MAKER
        from shop.commerce.outbox import attachments
        from shop.core import personal_data as registry

        attachments.register(ATTACHMENT_MAKER, printing.attachment)
        # Exported; kept as printed for the books (see personal_data.py).
        registry.register("sales_documents", export=personal_data.documents_of)
