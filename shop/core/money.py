"""Money: the VAT split of a gross price and the one way amounts are written.

Staff type the price a customer pays (VAT included); everything else is
derived here so templates, e-mails, admin and structured data agree.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from oscar.templatetags.currency_filters import currency

CENT = Decimal("0.01")


def split_gross(gross, *, rate=None):
    """Return (excl_tax, tax) for a VAT-inclusive amount; they add up to gross.

    The net part is rounded half-up to the øre and the VAT is what remains, so
    the price a customer sees is always exactly the price staff entered.
    """
    rate = settings.SHOP_VAT_RATE if rate is None else rate
    gross = Decimal(gross)
    excl_tax = (gross / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    return excl_tax, gross - excl_tax


def vat_percent(rate=None):
    """The VAT rate as the brand writes it, without the sign: ``25``, ``12,5``."""
    rate = settings.SHOP_VAT_RATE if rate is None else rate
    return f"{(rate * 100).normalize():f}".replace(".", ",")


def format_price(amount, currency_code=None):
    """Format an amount the way the brand writes it: ``1.467,95\xa0NOK``."""
    if amount is None or amount == "":
        return ""
    return currency(Decimal(amount), currency_code or settings.OSCAR_DEFAULT_CURRENCY)


def machine_price(amount):
    """Format an amount for structured data (JSON-LD, feeds): ``1467.95``."""
    return str(Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP))
