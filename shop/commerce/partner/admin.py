"""Stock and prices in admin: the price typed is the price incl. VAT."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F403
from oscar.apps.partner.admin import StockRecordAdmin as CoreStockRecordAdmin

from shop.commerce.partner.models import StockRecord
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


@admin.display(description="VAT included")
def vat_part(stockrecord):
    if stockrecord.price is None:
        return "—"
    return format_price(split_gross(stockrecord.price)[1], stockrecord.price_currency)


admin.site.unregister(StockRecord)


@admin.register(StockRecord)
class StockRecordAdmin(CoreStockRecordAdmin):
    form = StockRecordForm
    list_display = (
        "product",
        "partner_sku",
        "price",
        vat_part,
        "num_in_stock",
        "num_allocated",
    )
    list_select_related = ("product", "partner")
    readonly_fields = (vat_part, "num_allocated")


class StockRecordInline(admin.TabularInline):
    model = StockRecord
    form = StockRecordForm
    extra = 0
    min_num = 1
    readonly_fields = (vat_part, "num_allocated")
