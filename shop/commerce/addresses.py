"""A Norwegian address, asked for the same way in the checkout and in the
customer's address book: the fields' labels and help, what browsers may fill
in, and a four-digit postcode."""

import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# What Posten/Bring need, in the order a Norwegian address is written:
# postcode before town.
FIELDS = [
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
# An optional field's label gets " (optional)". Lazy: read in the
# customer's language when a form is made.
LABELS = {
    "first_name": gettext_lazy("First name"),
    "last_name": gettext_lazy("Last name"),
    "line1": gettext_lazy("Street address"),
    "line2": gettext_lazy("Flat, floor or c/o"),
    "line3": gettext_lazy("Address line 3"),
    "postcode": gettext_lazy("Postcode"),
    "line4": gettext_lazy("Town or city"),
    "state": gettext_lazy("County"),
    "country": gettext_lazy("Country"),
    "phone_number": gettext_lazy("Mobile number"),
    "notes": gettext_lazy("Note for the carrier"),
}
HELP_TEXTS = {
    "phone_number": gettext_lazy(
        "The carrier texts you when the parcel is on its way."
    ),
}
AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "line1": "address-line1",
    "line2": "address-line2",
    "line3": "address-line3",
    "postcode": "postal-code",
    "line4": "address-level2",
    "state": "address-level1",
    "country": "country",
    "phone_number": "tel",
}
WIDGET_ATTRIBUTES = {
    "postcode": {"inputmode": "numeric", "maxlength": "4"},
    "notes": {"rows": 2},
}


class NorwegianAddressForm:
    """Mixed into an Oscar address form (before it): its fields get their
    labels, help and widget attributes from here. ``also_required``: fields
    required on top of OSCAR_REQUIRED_ADDRESS_FIELDS."""

    also_required = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.also_required:
            self.fields[name].required = True
        for name, field in self.fields.items():
            if name in LABELS:
                label = LABELS[name]
                if not field.required:
                    label = _("%(label)s (optional)") % {"label": label}
                field.label = label
            if name in HELP_TEXTS:
                field.help_text = HELP_TEXTS[name]
            field.widget.attrs.update(WIDGET_ATTRIBUTES.get(name, {}))
            if name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]
        if "phone_number" in self.fields:
            self.fields["phone_number"].widget.input_type = "tel"

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
                _("A Norwegian postcode has four digits, for example 0155.")
            )
        return postcode
