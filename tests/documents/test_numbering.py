"""Gap-free numbers: consecutive under concurrent orders, none lost to a
rollback (shop/commerce/documents/numbering.py)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections, transaction
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from shop.commerce.documents.issuing import issue_sales_document
from shop.commerce.documents.models import DocumentSequence, SalesDocument, Series
from shop.commerce.documents.numbering import take_number
from shop.commerce.payments.methods import PaymentMethodCode

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


class Rollback(Exception):
    """What makes an order's placing fail after its document was numbered."""


def invoice_order():
    order = create_order()
    source_type, _ = SourceType.objects.get_or_create(
        code=PaymentMethodCode.INVOICE, defaults={"name": "Invoice"}
    )
    Source.objects.create(
        order=order, source_type=source_type, amount_allocated=order.total_incl_tax
    )
    return order


@pytest.mark.django_db
def test_a_rolled_back_order_leaves_no_gap():
    first, failed, second = invoice_order(), invoice_order(), invoice_order()
    assert issue_sales_document(first).number == 10001

    with pytest.raises(Rollback), transaction.atomic():
        assert issue_sales_document(failed).number == 10002
        raise Rollback

    assert issue_sales_document(second).number == 10002
    assert not failed.sales_documents.exists()
    assert DocumentSequence.objects.get(series=Series.SALES).last_number == 10002


@pytest.mark.django_db
def test_credit_notes_count_in_their_own_series():
    with transaction.atomic():
        assert take_number(Series.SALES) == 10001
        assert take_number(Series.CREDIT) == 10001
        assert take_number(Series.CREDIT) == 10002
        assert take_number(Series.SALES) == 10002


def test_a_number_is_only_taken_inside_a_transaction(transactional_db):
    # Outside one, the lock would end at once and two documents could get
    # the same number, or a failed one leave a gap.
    with pytest.raises(RuntimeError):
        take_number(Series.SALES)
    assert not DocumentSequence.objects.exists()


ORDERS = 20
FAILING = {3, 8, 15}  # these orders roll back after taking their number


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent transactions"
)
def test_twenty_concurrent_orders_get_consecutive_numbers(transactional_db):
    orders = [invoice_order() for _ in range(ORDERS)]
    start = threading.Barrier(ORDERS)

    def place(index):
        # Each thread has its own database connection, as each request has.
        try:
            start.wait()
            with transaction.atomic():
                document = issue_sales_document(orders[index])
                if index in FAILING:
                    raise Rollback
                return document.number
        except Rollback:
            return None
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=ORDERS) as pool:
        numbers = [n for n in pool.map(place, range(ORDERS)) if n is not None]

    committed = ORDERS - len(FAILING)
    assert sorted(numbers) == list(range(10001, 10001 + committed))
    stored = list(SalesDocument.objects.values_list("number", flat=True))
    assert sorted(stored) == sorted(numbers)
    sequence = DocumentSequence.objects.get(series=Series.SALES)
    assert sequence.last_number == 10000 + committed
