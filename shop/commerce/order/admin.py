"""Orders in Django admin, for shop managers: the list, the order's page and
the status steps (paid, shipped, cancelled), with the packing slip.

Nothing about an order's money is edited here: its lines, totals, payments
and addresses are shown read-only, and only notes can be added. The steps
run through shop/commerce/order/handling.py, which allows only the moves of
the status pipeline. The parts an order is made of (lines, addresses,
payment events, ...) have no pages of their own: Oscar's registrations of
them are removed and they are shown on the order.
"""

import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from oscar.apps.order import admin as oscar_order_admin
from oscar.core.loading import get_model

from shop.commerce import totals
from shop.commerce.documents.admin import SalesDocumentInline
from shop.commerce.documents.issuing import sale_document_of
from shop.commerce.order import handling
from shop.commerce.outbox.models import OutgoingEmail
from shop.commerce.payments.methods import PaymentMethodCode
from shop.commerce.payments.models import VippsPayment
from shop.commerce.statuses import OrderStatus
from shop.commerce.withdrawals.admin import WithdrawalInline
from shop.core.admin_records import RecordAdminMixin
from shop.core.money import format_price
from shop.security import staff

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")
OrderStatusChange = get_model("order", "OrderStatusChange")
OrderDiscount = get_model("order", "OrderDiscount")
PaymentEvent = get_model("order", "PaymentEvent")
ShippingEvent = get_model("order", "ShippingEvent")
Source = get_model("payment", "Source")

# Oscar's pages for an order's parts: shown on the order instead.
for model in (
    Order,
    oscar_order_admin.BillingAddress,
    oscar_order_admin.CommunicationEvent,
    oscar_order_admin.Line,
    oscar_order_admin.LineAttribute,
    oscar_order_admin.LinePrice,
    oscar_order_admin.OrderDiscount,
    oscar_order_admin.OrderNote,
    oscar_order_admin.OrderStatusChange,
    oscar_order_admin.PaymentEvent,
    oscar_order_admin.PaymentEventType,
    oscar_order_admin.ShippingAddress,
    oscar_order_admin.ShippingEvent,
    oscar_order_admin.ShippingEventType,
    oscar_order_admin.Surcharge,
):
    admin.site.unregister(model)


def money(amount, order):
    return "—" if amount is None else format_price(amount, order.currency)


class ReadOnlyInline(RecordAdminMixin, admin.TabularInline):
    """A part of the order, shown as it was recorded."""

    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields


class LineInline(ReadOnlyInline):
    model = Line
    verbose_name_plural = "Lines"
    fields = ("title", "upc", "quantity", "unit_price", "line_price", "status")

    @admin.display(description="SKU")
    def upc(self, line):
        return line.partner_sku or line.upc or "—"

    @admin.display(description="unit price incl. VAT")
    def unit_price(self, line):
        return money(line.unit_price_incl_tax, line.order)

    @admin.display(description="line price incl. VAT")
    def line_price(self, line):
        return money(line.line_price_incl_tax, line.order)


class DiscountInline(ReadOnlyInline):
    model = OrderDiscount
    verbose_name_plural = "Discounts"
    fields = ("offer_name", "voucher_code", "category", "discount")

    @admin.display(description="amount")
    def discount(self, discount):
        return money(discount.amount, discount.order)


class PaymentSourceInline(ReadOnlyInline):
    model = Source
    verbose_name_plural = "Payment"
    fields = ("source_type", "reference", "allocated", "debited", "refunded", "log")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("transactions")

    @admin.display(description="to pay")
    def allocated(self, source):
        return money(source.amount_allocated, source.order)

    @admin.display(description="paid")
    def debited(self, source):
        return money(source.amount_debited, source.order)

    @admin.display(description="refunded")
    def refunded(self, source):
        return money(source.amount_refunded, source.order)

    @admin.display(description="transactions")
    def log(self, source):
        transactions = source.transactions.all()
        if not transactions:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            "{} {} {} ({})",
            (
                (
                    f"{t.date_created:%Y-%m-%d %H:%M}",
                    t.txn_type,
                    money(t.amount, source.order),
                    t.reference or "no reference",
                )
                for t in transactions
            ),
        )


class PaymentEventInline(ReadOnlyInline):
    model = PaymentEvent
    verbose_name_plural = "Payment events"
    fields = ("date_created", "event_type", "amount_paid", "reference")

    @admin.display(description="amount")
    def amount_paid(self, event):
        return money(event.amount, event.order)


class ShippingEventInline(ReadOnlyInline):
    model = ShippingEvent
    verbose_name_plural = "Shipping events"
    fields = ("date_created", "event_type", "notes")


class StatusChangeInline(ReadOnlyInline):
    model = OrderStatusChange
    verbose_name_plural = "Status history"
    fields = ("date_created", "old_status", "new_status")


class NoteInline(admin.TabularInline):
    """Notes: staff add one to tell each other about the order; what is
    written stays (the order's audit trail)."""

    model = OrderNote
    verbose_name_plural = "Notes"
    extra = 1
    can_delete = False
    fields = ("date_created", "user", "note_type", "message")
    readonly_fields = ("date_created", "user", "note_type")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PaymentMethodFilter(admin.SimpleListFilter):
    title = "payment method"
    parameter_name = "payment"

    def lookups(self, request, model_admin):
        return [(code.value, code.value.capitalize()) for code in PaymentMethodCode]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(sources__source_type__code=self.value()).distinct()
        return queryset


class ShipForm(forms.Form):
    tracking_number = forms.CharField(max_length=80)


class PaidForm(forms.Form):
    reference = forms.CharField(max_length=120, required=False)


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    """Shop managers find an order, read it, and move it on."""

    change_form_template = "admin/order/order/change_form.html"
    list_display = (
        "number",
        "date_placed",
        "customer_name",
        "email_address",
        "total",
        "status",
        "payment_method",
        "language",
    )
    list_filter = ("status", PaymentMethodFilter, "date_placed", "language")
    date_hierarchy = "date_placed"
    # Each word typed must match one of these: "Kari Nordmann", "0155".
    search_fields = (
        "number",
        "guest_email",
        "user__email",
        "shipping_address__first_name",
        "shipping_address__last_name",
        "shipping_address__postcode",
        "billing_address__first_name",
        "billing_address__last_name",
        "billing_address__postcode",
    )
    search_help_text = "Order number, name, e-mail address or postcode."
    list_select_related = ("user", "shipping_address", "billing_address")
    ordering = ("-date_placed",)
    actions = ["mark_paid_selected", "cancel_selected"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "number",
                    "date_placed",
                    "status",
                    "language",
                    "customer_name",
                    "email_address",
                    "payment_method",
                    "vipps_payment",
                    "tracking",
                )
            },
        ),
        ("Money", {"fields": ("summary",)}),
        (
            "Delivery",
            {
                "fields": (
                    "shipping_method",
                    "pickup_point",
                    "door",
                    "shipping_to",
                    "billing_to",
                )
            },
        ),
        ("E-mails", {"fields": ("emails",)}),
    )
    readonly_fields = (
        "number",
        "date_placed",
        "status",
        "language",
        "customer_name",
        "email_address",
        "payment_method",
        "vipps_payment",
        "tracking",
        "summary",
        "shipping_method",
        "pickup_point",
        "door",
        "shipping_to",
        "billing_to",
        "emails",
    )
    # Withdrawals and sales documents come from their own apps' admin.
    inlines = [
        LineInline,
        DiscountInline,
        PaymentSourceInline,
        PaymentEventInline,
        ShippingEventInline,
        StatusChangeInline,
        NoteInline,
        WithdrawalInline,
        SalesDocumentInline,
    ]

    # --- Who may do what: shop managers and superusers; nobody adds or
    # deletes an order (bookkeeping keeps them).

    def has_module_permission(self, request):
        return staff.may_handle_orders(request.user)

    def has_view_permission(self, request, obj=None):
        return staff.may_handle_orders(request.user)

    def has_change_permission(self, request, obj=None):
        return staff.may_handle_orders(request.user)

    def has_handle_permission(self, request):
        return staff.may_handle_orders(request.user)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "sources", queryset=Source.objects.select_related("source_type")
                )
            )
        )

    # --- Columns and fields.

    @admin.display(description="customer", ordering="shipping_address__last_name")
    def customer_name(self, order):
        address = order.shipping_address or order.billing_address
        return address.name if address else "—"

    @admin.display(description="e-mail")
    def email_address(self, order):
        return order.email

    @admin.display(description="total", ordering="total_incl_tax")
    def total(self, order):
        return money(order.total_incl_tax, order)

    @admin.display(description="payment method")
    def payment_method(self, order):
        return ", ".join(s.source_type.name for s in order.sources.all()) or "—"

    @admin.display(description="Vipps payment")
    def vipps_payment(self, order):
        """The reference to look up in Vipps' portal, and what Vipps last said."""
        record = VippsPayment.objects.filter(order_number=order.number).first()
        if record is None:
            return "—"
        amounts = [
            f"{label} {money(amount, order)}"
            for label, amount in (
                ("reserved", record.authorized_amount),
                ("captured", record.captured_amount),
                ("refunded", record.refunded_amount),
                ("released", record.cancelled_amount),
            )
            if amount
        ]
        return f"{record.reference}: {record.state}" + (
            f" ({', '.join(amounts)})" if amounts else ""
        )

    @admin.display(description="tracking number")
    def tracking(self, order):
        if not order.tracking_number:
            return "—"
        return format_html(
            '<a href="{}" rel="noopener noreferrer">{}</a>',
            order.tracking_url,
            order.tracking_number,
        )

    @admin.display(description="totals")
    def summary(self, order):
        return format_html_join(
            mark_safe("<br>"),
            "{}: {}",
            ((row.label, row.amount) for row in totals.order_rows(order)),
        )

    @admin.display(description="pickup point")
    def pickup_point(self, order):
        choice = order.delivery_choice
        if not choice.pickup:
            return "—"
        if choice.point is None:
            return "None chosen: the one nearest the shipping address"
        return format_html_join(
            mark_safe("<br>"),
            "{}",
            ((line,) for line in [*choice.point.lines, f"Bring id: {choice.point.id}"]),
        )

    @admin.display(description="leave at the door")
    def door(self, order):
        if order.delivery_choice.pickup:
            return "—"
        if order.leave_at_door:
            return "Yes: the customer agreed it may be left at the door"
        return "No: not to be left at the door"

    @admin.display(description="shipping address")
    def shipping_to(self, order):
        return address_block(order.shipping_address, phone=True)

    @admin.display(description="billing address")
    def billing_to(self, order):
        return address_block(order.billing_address)

    @admin.display(description="e-mails sent about it")
    def emails(self, order):
        found = order_emails(order)
        if not found:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("admin:outbox_outgoingemail_change", args=[email.pk]),
                    email.subject,
                    f"sent {email.sent_at:%Y-%m-%d %H:%M}"
                    if email.sent_at
                    else "not sent yet",
                )
                for email in found
            ),
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is OrderNote:
            for note in formset.save(commit=False):
                note.user = request.user
                note.note_type = OrderNote.INFO
                note.save()
            return
        super().save_formset(request, form, formset, change)

    # --- The order's page: its steps as buttons.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        order = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if order is not None and self.has_handle_permission(request):
            extra_context.update(
                may_mark_paid=handling.may_become(order, OrderStatus.PAID),
                may_ship=handling.may_become(order, OrderStatus.SHIPPED),
                may_cancel=handling.may_become(order, OrderStatus.CANCELLED),
                ship_form=ShipForm(),
                paid_form=PaidForm(),
                mark_paid_url=reverse("admin:order_order_mark_paid", args=[order.pk]),
                ship_url=reverse("admin:order_order_ship", args=[order.pk]),
                cancel_url=reverse("admin:order_order_cancel", args=[order.pk]),
                packing_slip_url=reverse("admin-packing-slip", args=[order.pk]),
                # A refund credits the order's invoice or receipt.
                refund_url=(
                    reverse("admin-order-refund", args=[order.pk])
                    if sale_document_of(order) is not None
                    else None
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        def step(view, name):
            return path(
                f"<int:pk>/{name.replace('_', '-')}/",
                self.admin_site.admin_view(view),
                name=f"order_order_{name}",
            )

        return [
            step(self.mark_paid_view, "mark_paid"),
            step(self.ship_view, "ship"),
            step(self.cancel_view, "cancel"),
            *super().get_urls(),
        ]

    def _order_for_step(self, request, pk):
        if not self.has_handle_permission(request):
            raise PermissionDenied
        return get_object_or_404(Order, pk=pk)

    def _back_to(self, order):
        return redirect("admin:order_order_change", order.pk)

    def mark_paid_view(self, request, pk):
        order = self._order_for_step(request, pk)
        if request.method != "POST":
            return self._back_to(order)
        form = PaidForm(request.POST)
        reference = form.cleaned_data["reference"] if form.is_valid() else ""
        self._run(request, handling.mark_paid, order, reference=reference)
        return self._back_to(order)

    def ship_view(self, request, pk):
        order = self._order_for_step(request, pk)
        if request.method != "POST":
            return self._back_to(order)
        form = ShipForm(request.POST)
        number = form.cleaned_data["tracking_number"] if form.is_valid() else ""
        self._run(request, handling.mark_shipped, order, tracking_number=number)
        return self._back_to(order)

    def cancel_view(self, request, pk):
        """Cancelling asks first: it cannot be undone."""
        order = self._order_for_step(request, pk)
        if request.method == "POST":
            self._run(request, handling.cancel, order)
            return self._back_to(order)
        return self.confirm_cancel(request, [order])

    def _run(self, request, step, order, **kwargs):
        """One step for one order; True if it was made."""
        try:
            step(order, by=request.user, **kwargs)
        except handling.HandlingRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return False
        order.refresh_from_db()
        self.message_user(
            request, f"Order {order.number} is now {order.status}.", messages.SUCCESS
        )
        return True

    def confirm_cancel(self, request, orders, *, from_list=False):
        """The question before cancelling: on the order's page it posts to
        the order's cancel step, from the list back to the list's action."""
        context = {
            **self.admin_site.each_context(request),
            "title": "Cancel orders?" if len(orders) > 1 else "Cancel the order?",
            "opts": self.model._meta,
            "orders": orders,
            "refused": [
                o for o in orders if not handling.may_become(o, OrderStatus.CANCELLED)
            ],
            "from_list": from_list,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/order/order/cancel_confirmation.html", context
        )

    # --- List actions: paid and cancelled (shipping needs each parcel's
    # tracking number, so it is done on the order's page).

    @admin.action(description="Mark the selected orders paid", permissions=["handle"])
    def mark_paid_selected(self, request, queryset):
        for order in queryset:
            self._run(request, handling.mark_paid, order)

    @admin.action(description="Cancel the selected orders", permissions=["handle"])
    def cancel_selected(self, request, queryset):
        if request.POST.get("post") != "yes":
            return self.confirm_cancel(request, list(queryset), from_list=True)
        for order in queryset:
            self._run(request, handling.cancel, order)
        return None


def address_block(address, *, phone=False):
    if address is None:
        return "—"
    lines = [
        address.name,
        address.line1,
        address.line2,
        f"{address.postcode} {address.line4}".strip(),
        str(address.country.printable_name) if address.country_id else "",
    ]
    if phone and getattr(address, "phone_number", None):
        lines.append(f"Mobile: {address.phone_number.as_international}")
    if phone and getattr(address, "notes", ""):
        lines.append(f"Instructions: {address.notes}")
    return format_html_join(
        mark_safe("<br>"), "{}", ((line,) for line in lines if line)
    )


def order_emails(order):
    """The outbox's e-mails about the order: those whose subject names its
    number (every order e-mail does), newest first."""
    number = re.compile(rf"\b{re.escape(order.number)}\b")
    candidates = OutgoingEmail.objects.filter(subject__contains=order.number)
    return [e for e in candidates.order_by("-created_at") if number.search(e.subject)]
