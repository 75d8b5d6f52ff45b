"""Checkout forms: a Norwegian delivery address, the delivery choices (pickup
point, leaving the parcel at the door), the payment method, terms."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.checkout.forms import GatewayForm as CoreGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as CoreShippingAddressForm
from oscar.apps.checkout.forms import ShippingMethodForm as CoreShippingMethodForm

from shop.commerce import addresses
from shop.commerce.addresses import NorwegianAddressForm
from shop.commerce.shipping import pickup_points


class GatewayForm(CoreGatewayForm):
    """Guest checkout first: most customers buy without an account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget.attrs["autocomplete"] = "email"
        self.fields["options"].choices = [
            (self.GUEST, _("No, continue as a guest")),
            (self.NEW, _("No, but I want to create one")),
            (self.EXISTING, _("Yes, and my password is:")),
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


class ShippingAddressForm(NorwegianAddressForm, CoreShippingAddressForm):
    """What Posten/Bring need to deliver in Norway, and nothing more."""

    also_required = ("phone_number",)  # the carrier texts when it is on its way

    class Meta(CoreShippingAddressForm.Meta):
        fields = addresses.FIELDS


class ShippingMethodForm(CoreShippingMethodForm):
    """The method, with what goes with it: the pickup point chosen from the
    list for ``pickup_postcode`` (none: Posten's nearest), or the consent
    to leave the parcel at the door (never given unless ticked)."""

    pickup_point = forms.CharField(required=False, max_length=40)
    pickup_postcode = forms.CharField(required=False, max_length=10)
    leave_at_door = forms.BooleanField(
        required=False,
        label=gettext_lazy("The parcel may be left at the door if no one is home"),
    )


class PostcodeSearchForm(forms.Form):
    """Pickup points near another postcode (a GET form: the page re-renders)."""

    postcode = forms.CharField(
        label=gettext_lazy("Postcode"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].error_messages["required"] = _(
            "Type a postcode to search for pickup points."
        )

    def clean_postcode(self):
        try:
            return pickup_points.clean_postcode(self.cleaned_data["postcode"])
        except pickup_points.InvalidPostcode:
            raise forms.ValidationError(
                _("A Norwegian postcode has four digits, for example 0155."),
                code="invalid",
            ) from None


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(
        label=gettext_lazy("How would you like to pay?"), widget=forms.RadioSelect
    )

    def __init__(self, *args, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [
            (method.code, f"{method.name} – {method.description}") for method in methods
        ]
        self.fields["method"].error_messages["required"] = _("Choose how to pay.")


class PlaceOrderForm(forms.Form):
    # The review page writes the label out, with the link to the terms
    # (templates/oscar/checkout/preview.html).
    accept_terms = forms.BooleanField(
        label=gettext_lazy("I accept the terms of sale."),
        error_messages={
            "required": gettext_lazy("Please accept the terms of sale to order.")
        },
    )
