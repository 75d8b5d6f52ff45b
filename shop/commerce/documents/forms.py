"""The staff form that picks what to refund of an order."""

from decimal import Decimal

from django import forms

from shop.commerce.documents import refunds
from shop.core.money import format_price


class RefundForm(forms.Form):
    """A quantity per order line (up to what is left to refund), the shipping
    charge, whether the units came back to stock. The first submit shows
    the amount; the second, with that amount, confirms it."""

    shipping = forms.BooleanField(required=False, label="Refund the shipping charge")
    returned = forms.BooleanField(
        required=False,
        label="The units came back: put them back in stock",
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # The amount shown before confirming: a changed choice is shown again.
    expected_amount = forms.DecimalField(
        required=False, widget=forms.HiddenInput, decimal_places=2, max_digits=12
    )

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.left = refunds.refundable_lines(order)
        for line_id, rest in self.left.items():
            self.fields[f"line_{line_id}"] = forms.IntegerField(
                label=f"{rest.line.title} ({rest.quantity} of {rest.line.quantity} "
                f"left, {format_price(rest.amount, order.currency)})",
                min_value=0,
                max_value=rest.quantity,
                initial=0,
                required=False,
            )
        shipping = refunds.shipping_left(order)
        self.fields["shipping"].label = (
            f"Refund the shipping charge ({format_price(shipping, order.currency)})"
            if shipping
            else "Shipping: nothing left to refund"
        )
        self.fields["shipping"].disabled = not shipping

    def line_fields(self):
        return [self[name] for name in self.fields if name.startswith("line_")]

    def chosen(self) -> dict:
        return {
            "lines": {
                line_id: self.cleaned_data.get(f"line_{line_id}") or 0
                for line_id in self.left
            },
            "shipping": bool(self.cleaned_data.get("shipping")),
        }

    def clean(self):
        data = super().clean()
        if data.get("confirmed"):
            try:
                planned, shipping = refunds.plan(self.order, **self.chosen())
            except ValueError:
                return data  # the view words it
            amount = sum((a for _, _, a in planned), Decimal(0)) + shipping
            if amount != data.get("expected_amount"):
                data["confirmed"] = False
                self.add_error(
                    None,
                    "The choice changed since the amount was shown: check it again.",
                )
        return data
