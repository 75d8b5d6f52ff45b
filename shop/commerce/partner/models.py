"""Partner models: Oscar's, with stock allocation that cannot oversell."""

from django.db.models import F
from django.db.models.functions import Coalesce
from oscar.apps.partner.abstract_models import AbstractStockRecord


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


from oscar.apps.partner.models import *  # noqa: E402, F403
