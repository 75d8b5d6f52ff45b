"""Money: the VAT split of a gross price, the unit price (per litre or kilo)
and the one way amounts are written.

Staff type the price a customer pays (VAT included); everything else is
derived here so templates, e-mails, admin and structured data agree.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from django.conf import settings
from oscar.templatetags.currency_filters import currency

CENT = Decimal("0.01")

# The unit a package's content is given in, and the unit its price is
# compared by (prisopplysningsforskriften: per litre or per kilo).
REFERENCE_UNITS = {"ml": ("l", Decimal(1000)), "g": ("kg", Decimal(1000))}
# The brand writes numbers the Danish way (dot thousands, comma decimals);
# OSCAR_CURRENCY_FORMAT says the same for amounts.
NUMBER_LOCALE = "da_DK"


@dataclass(frozen=True)
class UnitPrice:
    """What a litre or a kilo costs at a given price: ``1326.67`` per ``l``."""

    amount: Decimal
    unit: str  # "l" or "kg"
    # The package's content in the reference unit (0.15 l), for structured data.
    content: Decimal


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


def format_quantity(value) -> str:
    """A quantity as the brand writes it: ``50``, ``7,5``, ``1.000``."""
    return format_decimal(Decimal(value).normalize(), locale=NUMBER_LOCALE)


def unit_price(price, *, net_content, unit) -> UnitPrice | None:
    """The price per litre (content in ml) or kilo (in g), rounded half-up
    to the øre; None when the price or the content is unknown."""
    if price is None or not net_content or unit not in REFERENCE_UNITS:
        return None
    reference, factor = REFERENCE_UNITS[unit]
    amount = (Decimal(price) * factor / Decimal(net_content)).quantize(
        CENT, rounding=ROUND_HALF_UP
    )
    return UnitPrice(
        amount=amount, unit=reference, content=Decimal(net_content) / factor
    )


def format_unit_price(unit_price: UnitPrice, currency_code=None) -> str:
    """``1.326,67\xa0NOK/l``."""
    return f"{format_price(unit_price.amount, currency_code)}/{unit_price.unit}"
