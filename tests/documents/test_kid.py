"""KID numbers with a MOD10 (Luhn) check digit (shop/commerce/documents/kid.py)."""

import pytest

from shop.commerce.documents.kid import KID_BODY_LENGTH, is_valid_kid, kid_for

# Published MOD10 examples: the Luhn algorithm's own worked example, and the
# sequence 1–9 whose check digit is 7.
PUBLISHED_VALID = ["79927398713", "1234567897", "0000000000", "18"]


@pytest.mark.parametrize("kid", PUBLISHED_VALID)
def test_published_mod10_numbers_are_valid(kid):
    assert is_valid_kid(kid)


def test_the_kid_of_an_order_is_its_number_padded_with_its_check_digit():
    assert kid_for("123456789") == "1234567897"
    assert kid_for("100001") == "0001000017"  # 1×2 + 1×1 = 3, and 3 + 7 = 10
    assert len(kid_for("100001")) == KID_BODY_LENGTH + 1
    assert is_valid_kid(kid_for("100001"))


@pytest.mark.parametrize("number", ["100001", "100023", "104999", "987654321"])
def test_any_one_changed_digit_is_caught(number):
    kid = kid_for(number)
    for position in range(len(kid)):
        for digit in "0123456789":
            if digit == kid[position]:
                continue
            changed = kid[:position] + digit + kid[position + 1 :]
            assert not is_valid_kid(changed), changed


@pytest.mark.parametrize("kid", ["", "7", "12345678a7", "1234567890", "79927398710"])
def test_what_is_not_a_kid_is_refused(kid):
    assert not is_valid_kid(kid)


def test_no_kid_without_digits_or_with_too_many():
    with pytest.raises(ValueError):
        kid_for("ABC")
    with pytest.raises(ValueError):
        kid_for("1234567890")
