"""KID numbers: the customer identification an invoice is paid with.

The rule: the order number's digits, left-padded with zeros to
``KID_BODY_LENGTH`` digits, then one MOD10 (Luhn) check digit, so every KID
the shop prints has the same length (the length agreed with the bank in the
KID agreement). Order 100023 gives ``0001000230`` + its check digit. The bank
refuses a payment whose KID fails the check, so a mistyped digit never lands
on the wrong order.

MOD10 as the banks (Nets, BBS) define it: from the rightmost digit of the
body leftwards, digits are weighted 2, 1, 2, 1 ...; the digits of the products
are summed; the check digit is what takes the sum to the next multiple of 10.
"""

KID_BODY_LENGTH = 9


def mod10_check_digit(body: str) -> str:
    total = 0
    for position, digit in enumerate(reversed(body)):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def kid_for(number: str) -> str:
    """The KID for an order number (its digits; any other sign is left out)."""
    digits = "".join(sign for sign in str(number) if sign.isdigit())
    if not digits or len(digits) > KID_BODY_LENGTH:
        raise ValueError(f"No KID can be made from {number!r}")
    body = digits.zfill(KID_BODY_LENGTH)
    return body + mod10_check_digit(body)


def is_valid_kid(kid: str) -> bool:
    """Whether ``kid`` is digits whose last one is the MOD10 check of the rest."""
    kid = str(kid)
    if len(kid) < 2 or not kid.isdigit():
        return False
    return mod10_check_digit(kid[:-1]) == kid[-1]
