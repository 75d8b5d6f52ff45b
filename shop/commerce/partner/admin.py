"""Stock and prices in admin: the price typed is the price incl. VAT; a sale
has a price, a start and an end; the price history is read-only."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F403
from oscar.apps.partner.admin import StockRecordAdmin as CoreStockRecordAdmin

from shop.commerce.partner.models import PriceChange, StockRecord
from shop.core.admin_records import RecordAdminMixin
from shop.core.money import format_price, split_gross

PRICE_HELP = (
    "What the customer pays, including 25 % VAT. The VAT part is worked out from it."
)


class StockRecordForm(forms.ModelForm):
    class Meta:
        model = StockRecord
        fields = [
            "partner",
            "partner_sku",
            "price_currency",
            "price",
            "sale_price",
            "sale_starts_at",
            "sale_ends_at",
            "num_in_stock",
            "low_stock_threshold",
        ]
        labels = {"price": "Price incl. VAT", "partner_sku": "SKU"}
        help_texts = {"price": PRICE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["price"].required = True

    def clean_price(self):
        price = self.cleaned_data["price"]
        if price is not None and price <= Decimal("0"):
            raise forms.ValidationError("Enter a price above zero.")
        return price

    def clean(self):
        data = super().clean()
        sale_price = data.get("sale_price")
        starts, ends = data.get("sale_starts_at"), data.get("sale_ends_at")
        sale_fields = {
            "sale_price": sale_price,
            "sale_starts_at": starts,
            "sale_ends_at": ends,
        }
        if not any(value is not None for value in sale_fields.values()):
            return data
        for name, value in sale_fields.items():
            if value is None and name not in self.errors:
                self.add_error(name, "A sale needs a sale price, a start and an end.")
        if self.errors:
            return data
        price = data.get("price")
        if price is not None and sale_price >= price:
            self.add_error("sale_price", "The sale price must be below the price.")
        if sale_price <= Decimal("0"):
            self.add_error("sale_price", "Enter a sale price above zero.")
        if ends <= starts:
            self.add_error("sale_ends_at", "The sale must end after it starts.")
        if self.errors or price is None:
            return data
        # A reduction is measured against the lowest price of the 30 days
        # before the sale; a "sale" at or above it reduces nothing.
        record = self.instance
        for name, value in {"price": price, **sale_fields}.items():
            setattr(record, name, value)
        before = record.before_price_for(starts)
        if sale_price >= before:
            self.add_error(
                "sale_price",
                f"The sale price must be below the before-price, "
                f"{format_price(before)}: the lowest price in the 30 days before "
                "the sale starts.",
            )
        return data


@admin.display(description="VAT included")
def vat_part(stockrecord):
    if stockrecord.price is None:
        return "—"
    return format_price(split_gross(stockrecord.price)[1], stockrecord.price_currency)


@admin.display(description="before-price")
def before_price(stockrecord):
    if stockrecord.before_price is None:
        return "—"
    return format_price(stockrecord.before_price, stockrecord.price_currency)


@admin.display(description="on sale now", boolean=True)
def on_sale(stockrecord):
    return stockrecord.sale_is_running()


def record_changes_by(user, records):
    """Name the staff member in the price history of these stock records."""
    for record in records:
        record._changed_by = user


admin.site.unregister(StockRecord)


@admin.register(StockRecord)
class StockRecordAdmin(CoreStockRecordAdmin):
    form = StockRecordForm
    list_display = (
        "product",
        "partner_sku",
        "price",
        vat_part,
        on_sale,
        "num_in_stock",
        "num_allocated",
    )
    list_select_related = ("product", "partner")
    readonly_fields = (vat_part, before_price, "num_allocated")

    def save_model(self, request, obj, form, change):
        record_changes_by(request.user, [obj])
        super().save_model(request, obj, form, change)


class StockRecordInline(admin.StackedInline):
    """On the product's page; the product admin's ``save_formset`` names
    the staff member in the price history (``record_changes_by``)."""

    model = StockRecord
    form = StockRecordForm
    extra = 0
    min_num = 1
    readonly_fields = (vat_part, before_price, "num_allocated")


@admin.register(PriceChange)
class PriceChangeAdmin(RecordAdminMixin, admin.ModelAdmin):
    """The price history: what the before-price is worked out from, so it
    is shown and never changed, not even by superusers."""

    list_display = (
        "changed_at",
        "stockrecord",
        "old_price",
        "new_price",
        "sale_price",
        "sale_starts_at",
        "sale_ends_at",
        "changed_by",
    )
    list_filter = ("changed_at",)
    list_select_related = ("stockrecord__product", "stockrecord__partner", "changed_by")
    search_fields = ("stockrecord__product__title", "stockrecord__partner_sku")
    date_hierarchy = "changed_at"
