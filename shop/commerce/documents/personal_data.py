"""What the money documents hold about a person, for "download my data".

Invoices, receipts and credit notes are bookkeeping records (bokføringsloven):
they keep the buyer's name and address as printed, are never rewritten, and
leave with their orders at the end of the bookkeeping period. So this section
exports and anonymises nothing."""

from shop.commerce.documents.models import SalesDocument


def documents_of(user) -> list[dict]:
    documents = SalesDocument.objects.filter(order__user=user).select_related("order")
    return [
        {
            "order_number": document.order.number,
            "kind": document.kind,
            "number": document.number,
            "issued_at": document.issued_at.isoformat(),
            "amount": str(document.amount),
            "currency": document.currency,
        }
        for document in documents.order_by("issued_at", "pk")
    ]
