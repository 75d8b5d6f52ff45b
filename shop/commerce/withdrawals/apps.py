"""The right of withdrawal (angrerett): the withdrawal page, its records and
receipts, and the withdrawal form (angreskjema) every confirmation carries."""

from django.apps import AppConfig


class WithdrawalsConfig(AppConfig):
    name = "shop.commerce.withdrawals"
    label = "withdrawals"
    verbose_name = "Withdrawals"

    def ready(self):
        from shop.commerce.outbox import attachments
        from shop.commerce.withdrawals import form_pdf, personal_data
        from shop.core import personal_data as registry

        attachments.register(form_pdf.ATTACHMENT, form_pdf.form_attachment)
        registry.register(
            "withdrawals",
            export=personal_data.withdrawals_of,
            anonymise=personal_data.anonymise_withdrawals_of,
            anonymise_orders=personal_data.anonymise_withdrawals_of_orders,
        )
