"""Notices to a basket's owner about changes they did not make.

A notice is written when the change happens (staff deleting a product) and
read on the customer's next visit, in whatever language they then browse in.
So it is stored in English, as its message with the values filled in, and
put into the visitor's language when shown (``shown``).
"""

import re

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from oscar.apps.basket.abstract_models import AbstractBasket

from shop.commerce.basket.models import BasketNotice
from shop.commerce.basket.summary import forget_basket_facts

PRODUCT_REMOVED = gettext_noop(
    "“%(product)s” is no longer sold, so it was removed from your basket."
)
MESSAGES = (PRODUCT_REMOVED,)


def _pattern(message):
    """A stored notice of this message: its placeholders as named groups."""
    return re.compile(
        re.sub(r"%\\\((\w+)\\\)s", r"(?P<\1>.*)", re.escape(message)), re.DOTALL
    )


PATTERNS = [(message, _pattern(message)) for message in MESSAGES]


def shown(stored):
    """A stored notice in the active language (as stored if not one of ours)."""
    for message, pattern in PATTERNS:
        match = pattern.fullmatch(stored)
        if match:
            return gettext(message) % match.groupdict()
    return stored


# Turned into text when the message is stored or shown, in that request's
# language, wherever the notice middleware stands among the middleware.
shown_lazily = lazy(shown, str)


def notify_baskets_of_deleted_product(sender, instance, **kwargs):
    """Oscar deletes basket lines together with their product; the notice
    tells the customer why the line is gone on their next visit."""
    lines = instance.basket_lines.filter(basket__status=AbstractBasket.OPEN)
    basket_ids = list(lines.values_list("basket_id", flat=True).distinct())
    BasketNotice.objects.bulk_create(
        BasketNotice(
            basket_id=basket_id,
            message=PRODUCT_REMOVED % {"product": instance.get_title()},
        )
        for basket_id in basket_ids
    )
    # bulk_create sends no signals: the baskets' cached facts must go too.
    for basket_id in basket_ids:
        forget_basket_facts(basket_id)
