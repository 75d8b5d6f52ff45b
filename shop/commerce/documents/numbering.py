"""Gap-free numbers for sales documents (the series are explained in
models.py).

``take_number`` must run inside the transaction that writes the document:
the sequence row stays locked until that transaction ends, so the next
document of the series waits for it, and a rollback gives the number back.
"""

from django.db import transaction
from django.db.models import F

from shop.commerce.documents.models import DocumentSequence


def take_number(series: str) -> int:
    """The next number of ``series``, locked to the current transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_number runs inside the document's transaction.")
    # A missing row is created once; a concurrent first use is handled by
    # get_or_create's retry, then both queue on the row lock below.
    DocumentSequence.objects.get_or_create(series=series)
    sequence = DocumentSequence.objects.select_for_update().get(series=series)
    DocumentSequence.objects.filter(series=series).update(
        last_number=F("last_number") + 1
    )
    return sequence.last_number + 1
