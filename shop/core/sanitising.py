"""What HTML staff may write, and where they may write none.

Staff accounts get compromised too, so nothing staff type is trusted as HTML.
Article bodies and footer pages are cleaned with nh3 against one allow-list
(`clean_html`): no script, event handler, style, frame or ``javascript:`` link
survives. Oscar's own HTML fields (offer and range descriptions) are cleaned
the same way when saved. Names that Oscar's dashboard prints as HTML (a
range's name inside an offer's description, which our routines write) refuse
markup altogether (`reject_markup`).
"""

import nh3
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html):
    """Staff-written HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )


MARKUP_REFUSED = _("Use plain text here: “<” and “>” are not allowed.")


def reject_markup(value):
    """A validator for names that some page prints without escaping."""
    if "<" in value or ">" in value:
        raise ValidationError(MARKUP_REFUSED, code="markup")


# Oscar's offer list, offer and voucher pages print the condition's and
# benefit's descriptions with |safe, and those quote the range's name. Offer
# and voucher names are refused too, so no name typed in the dashboard or
# admin carries markup into a page that trusts it.
OSCAR_PLAIN_NAMES = [
    ("offer.Range", "name"),
    ("offer.ConditionalOffer", "name"),
    ("voucher.Voucher", "name"),
    ("voucher.VoucherSet", "name"),
]


def refuse_markup_in_oscar_names():
    """Add `reject_markup` to Oscar's name fields, so every model form (the
    dashboard's and admin's) refuses markup there with a message on the form.

    The validator goes on the field's validator list, not its definition, so
    Oscar's migrations see no change.
    """
    for label, field_name in OSCAR_PLAIN_NAMES:
        model = apps.get_model(label)
        # The name's column per language too, where it has them.
        for field in model._meta.get_fields():
            is_name = field.name == field_name or field.name.startswith(
                f"{field_name}_"
            )
            if is_name and reject_markup not in field.validators:
                field.validators.append(reject_markup)


# Oscar means these to hold HTML and prints them with |safe (the offer's in
# the dashboard, both on its offer pages). Its templates can't clean them when
# shown, so they are cleaned on every save, whichever form wrote them.
OSCAR_HTML_FIELDS = [
    ("offer.ConditionalOffer", "description"),
    ("offer.Range", "description"),
]


def clean_oscar_html_on_save():
    """Connect a pre-save cleaner for each of Oscar's HTML fields."""
    for label, field_name in OSCAR_HTML_FIELDS:
        pre_save.connect(
            _field_cleaner(field_name),
            sender=apps.get_model(label),
            weak=False,
            dispatch_uid=f"shop.clean_html:{label}.{field_name}",
        )


def _field_cleaner(field_name):
    def clean_field(sender, instance, **kwargs):
        # The field and its column per language, where it has them; set
        # through __dict__, as the translated field's own setter would only
        # write the active language's column.
        for field in sender._meta.concrete_fields:
            if field.name == field_name or field.name.startswith(f"{field_name}_"):
                value = instance.__dict__.get(field.attname)
                if value:
                    instance.__dict__[field.attname] = clean_html(value)

    return clean_field
