"""Money documents: invoices, receipts, credit notes and refunds."""

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "shop.commerce.documents"
    label = "documents"
    verbose_name = "Money documents"

    def ready(self):
        from shop.commerce.documents import printing
        from shop.commerce.documents.issuing import ATTACHMENT_MAKER
        from shop.commerce.outbox import attachments

        attachments.register(ATTACHMENT_MAKER, printing.attachment)
