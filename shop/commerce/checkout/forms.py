"""Checkout forms: a Norwegian delivery address, the payment method, terms."""

import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils.html import format_html
from oscar.apps.checkout.forms import GatewayForm as CoreGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as CoreShippingAddressForm


class GatewayForm(CoreGatewayForm):
    """Guest checkout first: most customers buy without an account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "E-mail address"
        self.fields["username"].widget.attrs["autocomplete"] = "email"
        self.fields["options"].choices = [
            (self.GUEST, "No, continue as a guest"),
            (self.NEW, "No, but I want to create one"),
            (self.EXISTING, "Yes, and my password is:"),
        ]
        self.fields["password"].required = False
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self):
        if self.is_new_account_checkout():
            # Whether the address has an account is for its owner to learn,
            # by e-mail (shop/commerce/accounts/signup.py), not for this form to say.
            self.errors.pop("password", None)
            return self.cleaned_data
        return super().clean()


class ShippingAddressForm(CoreShippingAddressForm):
    """What Posten/Bring need to deliver in Norway, and nothing more."""

    class Meta(CoreShippingAddressForm.Meta):
        fields = [
            "first_name",
            "last_name",
            "line1",
            "line2",
            "postcode",
            "line4",
            "country",
            "phone_number",
            "notes",
        ]
        labels = {
            "postcode": "Postcode",
            "line1": "Street address",
            "line2": "Flat, floor or c/o (optional)",
            "line4": "Town or city",
            "notes": "Note for the carrier (optional)",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        phone = self.fields["phone_number"]
        phone.required = True
        phone.label = "Mobile number"
        phone.help_text = "The carrier texts you when the parcel is on its way."
        self.fields["postcode"].widget.attrs.update(
            inputmode="numeric", autocomplete="postal-code", maxlength="4"
        )
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "line1": "address-line1",
            "line2": "address-line2",
            "line4": "address-level2",
            "phone_number": "tel",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["notes"].widget.attrs["rows"] = 2

    def _post_clean(self):
        super()._post_clean()
        # Oscar's address model repeats "require a valid postcode" at the top
        # of the form when the field itself already says what is wrong.
        if "postcode" in self.errors and NON_FIELD_ERRORS in self.errors:
            del self.errors[NON_FIELD_ERRORS]

    def clean_postcode(self):
        postcode = "".join(self.cleaned_data.get("postcode", "").split())
        if not re.fullmatch(r"\d{4}", postcode):
            raise forms.ValidationError(
                "A Norwegian postcode has four digits, for example 0155."
            )
        return postcode


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(
        label="How would you like to pay?", widget=forms.RadioSelect
    )

    def __init__(self, *args, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [
            (method.code, f"{method.name} – {method.description}") for method in methods
        ]
        self.fields["method"].error_messages["required"] = "Choose how to pay."


class PlaceOrderForm(forms.Form):
    accept_terms = forms.BooleanField(
        error_messages={"required": "Please accept the terms of sale to order."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].label = format_html(
            'I accept the <a href="{}">terms of sale</a>.',
            reverse("flatpage", kwargs={"url": "pages/terms-of-sale/"}),
        )
