"""Prices: the brand's format, the VAT contained in a gross price, its label."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from shop.commerce.partner.strategy import NorwegianRetail
from shop.core.money import format_price, machine_price, split_gross
from tests.helpers import make_product

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1467.95", f"1.467,95{NBSP}NOK"),
        ("0.01", f"0,01{NBSP}NOK"),
        ("549", f"549,00{NBSP}NOK"),
        ("1234567.5", f"1.234.567,50{NBSP}NOK"),
    ],
)
def test_prices_are_written_like_the_brand_does(amount, expected):
    assert format_price(Decimal(amount)) == expected


def test_structured_data_prices_use_a_plain_decimal_point():
    assert machine_price(Decimal("1467.95")) == "1467.95"
    assert machine_price(Decimal("549")) == "549.00"


def test_vat_is_a_fifth_of_the_gross_price_rounded_to_the_ore():
    assert split_gross(Decimal("1467.95")) == (Decimal("1174.36"), Decimal("293.59"))
    assert split_gross(Decimal("125.00")) == (Decimal("100.00"), Decimal("25.00"))


def test_net_and_vat_always_add_up_to_the_entered_price():
    for ore in range(1, 200_001, 7):
        gross = Decimal(ore) / 100
        excl_tax, tax = split_gross(gross)
        assert excl_tax + tax == gross
        assert excl_tax == excl_tax.quantize(Decimal("0.01"))
        assert abs(tax - excl_tax * Decimal("0.25")) <= Decimal("0.01")


@pytest.mark.django_db
def test_the_customer_pays_exactly_the_price_staff_entered():
    product = make_product(price="549.00")
    info = NorwegianRetail().fetch_for_product(product)
    assert info.price.incl_tax == Decimal("549.00")
    assert info.price.excl_tax == Decimal("439.20")
    assert info.price.tax == Decimal("109.80")
    assert info.price.is_tax_known


@pytest.mark.parametrize(
    ("rate", "space", "expected"),
    [
        ("0.25", None, "25&nbsp;%"),
        ("0.25", " ", "25 %"),
        ("0.15", None, "15&nbsp;%"),
        ("0.125", " ", "12,5 %"),
    ],
)
def test_the_vat_label_comes_from_the_rate_setting(settings, rate, space, expected):
    settings.SHOP_VAT_RATE = Decimal(rate)
    argument = "" if space is None else f' space="{space}"'
    template = Template("{% load shop_tags %}{% vat_rate" + argument + " %}")
    assert template.render(Context()) == expected
