"""Withdrawals in Django admin, read-only: what the customer sent is a
record, not something staff edit. ``WithdrawalInline`` shows them on the
order's own page (wired there by the order admin); the list shows them all."""

from django.contrib import admin

from shop.commerce.withdrawals.models import Withdrawal, WithdrawalLine
from shop.core.admin_records import RecordAdminMixin


def withdrawn_lines(withdrawal):
    return "; ".join(
        f"{line.quantity} × {line.order_line.title}"
        for line in withdrawal.lines.select_related("order_line")
    )


class WithdrawalInline(RecordAdminMixin, admin.TabularInline):
    """The order's withdrawals, on the order's admin page."""

    model = Withdrawal
    fields = ("submitted_at", "products", "email", "message", "language")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "Withdrawals (angrerett)"

    @admin.display(description="products withdrawn")
    def products(self, withdrawal):
        return withdrawn_lines(withdrawal)


class WithdrawalLineInline(RecordAdminMixin, admin.TabularInline):
    model = WithdrawalLine
    fields = ("order_line", "quantity")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Withdrawal)
class WithdrawalAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ("order_number", "submitted_at", "email", "products")
    list_select_related = ("order",)
    search_fields = ("order__number", "email")
    date_hierarchy = "submitted_at"
    fields = ("order", "submitted_at", "email", "message", "language")
    readonly_fields = fields
    inlines = [WithdrawalLineInline]

    @admin.display(description="order", ordering="order__number")
    def order_number(self, withdrawal):
        return withdrawal.order.number

    @admin.display(description="products withdrawn")
    def products(self, withdrawal):
        return withdrawn_lines(withdrawal)
