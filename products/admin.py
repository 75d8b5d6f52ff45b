"""Catalogue admin: every product field, images, stock and price, routines.

What customers pay (the stock record's price and stock, whether a product
takes part in offers, the routine's price, products and visibility) is only
editable by those `shop.security.staff.may_change_prices` allows; content editors see
it read-only, and a field shown read-only is left out of the form, so a POST
cannot change it either.

Texts are edited in both languages, Bokmål first (shop/core/admin_languages.py).
"""

from django import forms
from django.contrib import admin, messages
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from oscar.apps.catalogue.admin import *  # noqa: F403
from oscar.apps.catalogue.admin import CategoryAdmin as CoreCategoryAdmin
from oscar.apps.catalogue.admin import CategoryInline
from oscar.apps.catalogue.admin import ProductAdmin as CoreProductAdmin
from oscar.apps.catalogue.admin import ProductImageAdmin as CoreProductImageAdmin

from products.models import Category, Product, ProductImage, Routine, RoutineStep
from products.routines import routine_sync_offer
from shop.commerce.partner.admin import StockRecordInline, record_changes_by
from shop.core.admin_languages import BilingualAdmin
from shop.core.money import format_price
from shop.security import staff


class ProductForm(forms.ModelForm):
    """Admin builds the field list from the fieldsets below."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Oscar allows untitled child products; every product we sell has a
        # name, in Bokmål at least.
        self.fields["title_nb"].required = True

    def clean_title_nb(self):
        title = (self.cleaned_data["title_nb"] or "").strip()
        if not title:
            raise forms.ValidationError("Give the product a name.")
        return title

    def clean_title_en(self):
        return (self.cleaned_data["title_en"] or "").strip() or None


class ProductImageInline(TranslationStackedInline):
    model = ProductImage
    fields = ("original", "alt_text", "caption", "display_order")
    extra = 0


admin.site.unregister(Product)


@admin.register(Product)
class ProductAdmin(BilingualAdmin, CoreProductAdmin):
    form = ProductForm
    list_display = ("title", "upc", "size", "price", "stock", "is_public")
    list_filter = ["is_public", "categories", "product_class"]
    inlines = [StockRecordInline, ProductImageInline, CategoryInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "upc", "product_class", "is_public"]}),
        (
            "Texts",
            {
                "fields": [
                    "short_description",
                    "description",
                    "claims",
                    "inci",
                    "usage",
                    ("net_content", "net_content_unit"),
                ]
            },
        ),
        (
            "Search engines",
            {"fields": ["meta_title", "meta_description"], "classes": ["collapse"]},
        ),
        (
            "Advanced",
            {
                "fields": [
                    "structure",
                    "parent",
                    "is_discountable",
                    "priority",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    # The product class decides whether stock is tracked and shipping charged.
    money_fields = ("is_discountable", "product_class")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("stockrecords")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if staff.may_change_prices(request.user):
            return fields
        return (*fields, *self.money_fields)

    def save_formset(self, request, form, formset, change):
        if formset.model is StockRecordInline.model:
            record_changes_by(request.user, (f.instance for f in formset.forms))
        super().save_formset(request, form, formset, change)

    @admin.display(description="size", ordering="net_content")
    def size(self, product):
        # Without it no unit price can be shown: staff see the gap in the list.
        return product.get_size() or "— (no net content)"

    @admin.display(description="price incl. VAT")
    def price(self, product):
        records = product.stockrecords.all()
        return format_price(records[0].price) if records else "—"

    @admin.display(description="in stock")
    def stock(self, product):
        records = product.stockrecords.all()
        return records[0].net_stock_level if records else "—"


admin.site.unregister(ProductImage)


@admin.register(ProductImage)
class ProductImageAdmin(BilingualAdmin, CoreProductImageAdmin):
    list_display = ("product", "alt_text", "display_order")
    search_fields = ("alt_text", "caption", "product__upc", "product__title")


admin.site.unregister(Category)


@admin.register(Category)
class CategoryAdmin(BilingualAdmin, CoreCategoryAdmin):
    pass


class RoutineStepInline(TranslationTabularInline):
    """Which products the routine's price covers is the shop managers' to
    decide; editors write each step's timing and instruction."""

    model = RoutineStep
    autocomplete_fields = ("product",)
    extra = 0

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if staff.may_change_prices(request.user):
            return fields
        return (*fields, "product")

    def has_add_permission(self, request, obj=None):
        allowed = super().has_add_permission(request, obj)
        return allowed and staff.may_change_prices(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and staff.may_change_prices(request.user)


@admin.register(Routine)
class RoutineAdmin(BilingualAdmin):
    list_display = ("name", "price_display", "is_public", "date_updated")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("offer",)
    inlines = [RoutineStepInline]
    # Hiding the routine suspends its offer: the four products cost more.
    money_fields = ("price", "is_public")

    @admin.display(description="price incl. VAT", ordering="price")
    def price_display(self, routine):
        return format_price(routine.price)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if staff.may_change_prices(request.user):
            return fields
        return (*fields, *self.money_fields)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        routine = form.instance
        routine_sync_offer(routine=routine)
        if not routine.steps.exists():
            messages.warning(
                request, "The routine has no products, so its offer is suspended."
            )
