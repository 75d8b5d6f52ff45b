"""A customer's withdrawal from an order (angrerett), line by line."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Withdrawal(models.Model):
    """A notice of withdrawal sent on the withdrawal page: which order, when,
    from which e-mail address, in which language (its receipt's)."""

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="withdrawals"
    )
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    email = models.EmailField(help_text="The address the customer gave.")
    message = models.TextField(blank=True, help_text="The customer's own words.")
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"Withdrawal from order {self.order.number}"


class WithdrawalLine(models.Model):
    """How many units of one order line the customer withdraws from."""

    withdrawal = models.ForeignKey(
        Withdrawal, on_delete=models.CASCADE, related_name="lines"
    )
    order_line = models.ForeignKey(
        "order.Line", on_delete=models.CASCADE, related_name="withdrawal_lines"
    )
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="withdrawal_line_quantity"
            ),
            models.UniqueConstraint(
                fields=["withdrawal", "order_line"], name="one_row_per_order_line"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.order_line.title}"
