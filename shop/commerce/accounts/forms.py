"""Account forms: asking for an account by e-mail address alone."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.utils import normalise_email


class SignupForm(forms.Form):
    """Only the address: whether it has an account is said by e-mail, and
    the password is chosen after the link in that e-mail proves the address."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    redirect_url = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
