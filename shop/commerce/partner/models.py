"""Partner models: Oscar's, with stock allocation that cannot oversell, sales
with a start and an end, and the history of every price (sales.py)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.apps.partner.abstract_models import AbstractStockRecord

from shop.commerce.partner import sales

# What a customer is charged follows from these; a change to any is history.
PRICING_FIELDS = ("price", "sale_price", "sale_starts_at", "sale_ends_at")


class InsufficientStock(Exception):
    """Fewer units are free than an order line asks for."""

    def __init__(self, stockrecord, quantity):
        self.stockrecord = stockrecord
        self.quantity = quantity
        super().__init__(
            f"Only {stockrecord.net_stock_level} of “{stockrecord.product}” left, "
            f"{quantity} asked for."
        )


class StockRecord(AbstractStockRecord):
    sale_price = models.DecimalField(
        "sale price incl. VAT",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Charged from the sale's start until its end instead of the price.",
    )
    sale_starts_at = models.DateTimeField("sale starts", null=True, blank=True)
    sale_ends_at = models.DateTimeField("sale ends", null=True, blank=True)
    before_price = models.DecimalField(
        "before-price",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        editable=False,
        help_text="The lowest price in the 30 days before the sale started, shown "
        "beside every reduction. Worked out from the price history on save.",
    )

    def save(self, *args, **kwargs):
        """Record every change of what customers are charged, whoever makes it
        (admin, the dashboard, code), and work the before-price out again.

        Admin says who made the change by setting ``_changed_by`` on the
        record before saving it; without it the change is the system's."""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not set(PRICING_FIELDS) & set(update_fields):
            return super().save(*args, **kwargs)
        for name in PRICING_FIELDS:  # as stored, so "529.00" compares as 529
            field = self._meta.get_field(name)
            setattr(self, name, field.to_python(getattr(self, name)))
        with transaction.atomic():
            stored = None
            if not self._state.adding and self.pk:
                stored = (
                    type(self)
                    .objects.filter(pk=self.pk)
                    .values_list(*PRICING_FIELDS)
                    .first()
                )
            now = timezone.now()
            changed = stored != tuple(getattr(self, n) for n in PRICING_FIELDS)
            if changed or (sales.has_sale(self) and self.before_price is None):
                self.before_price = self.before_price_for(self.sale_starts_at, now=now)
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "before_price"}
            super().save(*args, **kwargs)
            if changed:
                PriceChange.objects.create(
                    stockrecord=self,
                    old_price=stored[0] if stored else None,
                    new_price=self.price,
                    sale_price=self.sale_price,
                    sale_starts_at=self.sale_starts_at,
                    sale_ends_at=self.sale_ends_at,
                    changed_at=now,
                    changed_by=getattr(self, "_changed_by", None),
                )

    def price_history(self) -> list[sales.PriceState]:
        if not self.pk:
            return []
        return [
            sales.PriceState(
                since=change.changed_at,
                price=change.new_price,
                sale_price=change.sale_price,
                sale_starts_at=change.sale_starts_at,
                sale_ends_at=change.sale_ends_at,
            )
            for change in self.price_changes.order_by("changed_at", "pk")
        ]

    def before_price_for(self, sale_starts_at, *, now=None):
        """The before-price of a sale starting at ``sale_starts_at``, as if the
        record's current (possibly unsaved) prices took effect ``now``; None
        without a sale."""
        if self.price is None or sale_starts_at is None:
            return None
        now = now or timezone.now()
        pending = sales.PriceState(
            since=now,
            price=self.price,
            sale_price=self.sale_price,
            sale_starts_at=self.sale_starts_at,
            sale_ends_at=self.sale_ends_at,
        )
        history = [state for state in self.price_history() if state.since < now]
        return sales.lowest_price_before(
            [*history, pending], sale_starts_at, fallback=self.price
        )

    def sale_is_running(self, now=None) -> bool:
        return sales.sale_is_running(self, now)

    def allocate(self, quantity):
        """Reserve units for an order in one conditional UPDATE.

        Oscar's version adds to ``num_allocated`` unconditionally, so two
        orders checked against the same free stock could both succeed. Here
        the database only updates the row if enough units are free at that
        moment; concurrent orders queue on the row lock and see each other's
        allocations, so the last units go to exactly as many orders as fit.
        """
        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        allocated = Coalesce(F("num_allocated"), 0)
        updated = (
            type(self)
            .objects.filter(pk=self.pk, num_in_stock__gte=allocated + quantity)
            .update(num_allocated=allocated + quantity)
        )
        self.refresh_from_db(fields=["num_in_stock", "num_allocated"])
        if not updated:
            raise InsufficientStock(self, quantity)
        self.post_save_signal()

    allocate.alters_data = True


def next_sale_boundary(now):
    """When the next sale starts or ends: pages showing it change then."""
    return sales.next_boundary(StockRecord.objects.all(), now)


class PriceChange(models.Model):
    """One change of a stock record's price or sale: who, when, from what to
    what. Written by ``StockRecord.save``; nobody edits it."""

    # The history outlives a deleted stock record: nobody removes it.
    stockrecord = models.ForeignKey(
        StockRecord,
        null=True,
        on_delete=models.SET_NULL,
        related_name="price_changes",
    )
    old_price = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )
    new_price = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )
    sale_price = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )
    sale_starts_at = models.DateTimeField(null=True, blank=True)
    sale_ends_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the shop itself made the change.",
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        get_latest_by = "changed_at"

    def __str__(self):
        return f"{self.stockrecord}: {self.old_price} → {self.new_price}"


from oscar.apps.partner.models import *  # noqa: E402, F403
