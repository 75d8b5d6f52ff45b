"""Account forms: asking for an account by e-mail address alone; an address
for the address book, asked for as the checkout asks for it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import UserAddressForm as CoreUserAddressForm
from oscar.apps.customer.utils import normalise_email

from shop.commerce import addresses
from shop.commerce.addresses import NorwegianAddressForm


class SignupForm(forms.Form):
    """Only the address: whether it has an account is said by e-mail, and
    the password is chosen after the link in that e-mail proves the address."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    redirect_url = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class UserAddressForm(NorwegianAddressForm, CoreUserAddressForm):
    class Meta(CoreUserAddressForm.Meta):
        # Oscar's line3 and state too, for addresses saved with them: the
        # form shows them only when they have a value, so they can be emptied.
        fields = [*addresses.FIELDS, "line3", "state"]
