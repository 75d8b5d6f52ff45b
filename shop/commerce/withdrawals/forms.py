"""The withdrawal page's two steps: which order, then which of its lines."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class FindOrderForm(forms.Form):
    """The order number and the e-mail address the order was placed with; a
    signed-in customer may pick one of their orders instead."""

    mine = forms.ChoiceField(
        label=gettext_lazy("Your orders"),
        required=False,
        help_text=gettext_lazy("Or give the order number and e-mail address below."),
    )
    number = forms.CharField(
        label=gettext_lazy("Order number"),
        max_length=128,
        required=False,
        help_text=gettext_lazy("You find it in your order confirmation."),
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        required=False,
        help_text=gettext_lazy("The address you placed the order with."),
    )

    def __init__(self, *args, orders=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.attrs.update(
            {"autocomplete": "off", "inputmode": "numeric"}
        )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.orders = {order.number: order for order in orders}
        if self.orders:
            self.fields["mine"].choices = [("", _("Choose an order"))] + [
                (order.number, order_choice_label(order)) for order in orders
            ]
        else:
            del self.fields["mine"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mine"):
            return cleaned
        if self.errors:
            return cleaned
        missing = _("Give the order number and the e-mail address.")
        if not cleaned.get("number"):
            self.add_error("number", missing)
        if not cleaned.get("email"):
            self.add_error("email", missing)
        return cleaned

    def picked_order(self):
        """The signed-in customer's own order picked from the list, if any."""
        return self.orders.get(self.cleaned_data.get("mine") or "")


def order_choice_label(order):
    placed = formats.date_format(timezone.localtime(order.date_placed), "DATE_FORMAT")
    return _("Order %(number)s of %(date)s") % {"number": order.number, "date": placed}


class ChooseLinesForm(forms.Form):
    """A checkbox per line that can still be withdrawn from, with how many
    when there is more than one unit, and room for the customer's own words."""

    message = forms.CharField(
        label=gettext_lazy("Message to us (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("You need not give a reason."),
    )

    def __init__(self, *args, order, remaining, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for line in order.lines.all():
            left = remaining.get(line.pk, 0)
            row = {"line": line, "left": left, "pick": None, "quantity": None}
            if left:
                self.fields[f"line-{line.pk}"] = forms.BooleanField(
                    label=line.title, required=False
                )
                row["pick"] = f"line-{line.pk}"
                if left > 1:
                    self.fields[f"quantity-{line.pk}"] = forms.TypedChoiceField(
                        label=_("How many of them"),
                        choices=[(n, str(n)) for n in range(left, 0, -1)],
                        coerce=int,
                        initial=left,
                    )
                    row["quantity"] = f"quantity-{line.pk}"
            self.rows.append(row)
        self.order_fields([name for name in self.fields if name != "message"])

    def line_rows(self):
        """Each line with its bound fields (None where it is all withdrawn)."""
        return [
            {
                **row,
                "pick": self[row["pick"]] if row["pick"] else None,
                "quantity": self[row["quantity"]] if row["quantity"] else None,
            }
            for row in self.rows
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.quantities():
            raise forms.ValidationError(
                _("Choose at least one product to withdraw from.")
            )
        return cleaned

    def quantities(self):
        """Order line id → units chosen."""
        chosen = {}
        for row in self.rows:
            if row["pick"] and self.cleaned_data.get(row["pick"]):
                quantity = (
                    self.cleaned_data.get(row["quantity"], row["left"])
                    if row["quantity"]
                    else 1
                )
                chosen[row["line"].pk] = quantity
        return chosen
