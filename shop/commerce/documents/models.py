"""Sales documents (invoice, receipt, credit note) and the sequences that
number them.

Bokføringsforskriften § 5-1-1 asks that sales documents be numbered in a
sequence that can be checked. Two series:

- ``sales``: invoices and receipts. Every sale gets exactly one of the two,
  so one series over both shows at a glance that no sale is missing.
- ``credit``: credit notes, which undo part of a sale and are audited apart
  from sales; they refer to the invoice or receipt they credit.

Each series is one row in ``DocumentSequence``, locked (SELECT ... FOR UPDATE)
and counted on in the transaction that writes the document: two orders at once
queue on the row and get consecutive numbers, and a transaction that rolls
back takes its number with it, so no gap is left. Documents cannot be edited
or deleted: not in admin (read-only for everyone) and not through ``save()``,
which refuses to change a row once written; the order they belong to is
protected from deletion.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Series(models.TextChoices):
    SALES = "sales", "Sales (invoices and receipts)"
    CREDIT = "credit", "Credit notes"


# The first number of each series; the sequence row starts one below it.
FIRST_NUMBER = 10001


class DocumentSequence(models.Model):
    """The last number a series gave out."""

    series = models.CharField(max_length=20, choices=Series, primary_key=True)
    last_number = models.PositiveBigIntegerField(default=FIRST_NUMBER - 1)

    class Meta:
        verbose_name = "document number sequence"

    def __str__(self):
        return f"{self.get_series_display()}: last {self.last_number}"

    def save(self, *args, **kwargs):
        # Only numbering.take_number moves a sequence on, with an UPDATE.
        if not self._state.adding:
            raise ImmutableDocument("A document sequence is only moved by numbering.")
        super().save(*args, **kwargs)


class ImmutableDocument(Exception):
    """An issued document (or its number) cannot be changed."""


class SalesDocument(models.Model):
    """An issued invoice, receipt or credit note: its number and a frozen copy
    (``snapshot``) of everything its PDF prints, so later changes to products,
    prices or addresses never change a document already issued."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        RECEIPT = "receipt", _("Receipt")
        CREDIT_NOTE = "credit_note", _("Credit note")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    series = models.CharField(max_length=20, choices=Series, editable=False)
    number = models.PositiveBigIntegerField()
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="sales_documents"
    )
    issued_at = models.DateTimeField()
    due_date = models.DateField(null=True, blank=True)  # invoices
    kid = models.CharField("KID", max_length=25, blank=True)  # invoices
    refers_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        help_text="The invoice or receipt a credit note credits.",
    )
    # What the document is for, incl. VAT: a sale's total, or what a credit
    # note gives back (a positive amount, printed as a credit).
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=12, default="NOK")
    language = models.CharField(max_length=10)
    # Credit notes: the shipping charge it gives back, whether its units
    # came back to stock, and Stripe's refund (card orders).
    shipping_credited = models.DecimalField(
        max_digits=12, decimal_places=2, default=Decimal("0.00")
    )
    returned_to_stock = models.BooleanField(default=False)
    refund_reference = models.CharField(max_length=255, blank=True)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"], name="one_document_per_number"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="document_amount_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableDocument(f"{self} is issued and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableDocument(f"{self} is issued and cannot be deleted.")

    @property
    def is_credit_note(self):
        return self.kind == self.Kind.CREDIT_NOTE


class CreditedLine(models.Model):
    """How many units of an order line a credit note gives back, and for how
    much (incl. VAT): what limits later refunds of the same line."""

    credit_note = models.ForeignKey(
        SalesDocument, on_delete=models.PROTECT, related_name="credited_lines"
    )
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, related_name="credited"
    )
    quantity = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["credit_note", "line"], name="one_row_per_credited_line"
            )
        ]

    def __str__(self):
        return f"{self.quantity} × line {self.line_id} on {self.credit_note}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableDocument("A credited line is part of an issued document.")
        super().save(*args, **kwargs)
