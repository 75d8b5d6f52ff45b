"""What pages need to know of a basket without loading it: how many items
it holds (the header of pages the page cache serves, see
shop/storefront/page_cache.py) and whether notices wait for its owner.

Oscar's middleware loads a basket with its lines, products and stock and
applies every offer before a page can say "Basket 2"; the header needs only
the count. The facts are kept in the cache per basket under a token that is
replaced whenever the basket, one of its lines or a notice for it is saved
or deleted (once that commits), so facts read before a change can never be
served after it.
"""

import secrets
from typing import NamedTuple

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model


class BasketFacts(NamedTuple):
    guest_open: bool  # open and nobody's: what a guest's cookie may name
    items: int
    has_notices: bool  # waiting to be shown (shop/commerce/basket/middleware.py)


def header_basket_items(request) -> int | None:
    """The number of items in the open guest basket the visitor's cookie
    names, 0 without a cookie, or None if the page must be rendered in full:
    the cookie names no open guest basket (Oscar's middleware then drops
    it), or notices wait to be shown."""
    cookie = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    if cookie is None:
        return 0
    try:
        basket_id = int(signing.Signer().unsign(cookie))
    except (signing.BadSignature, ValueError):
        return None
    facts = basket_facts(basket_id)
    if not facts.guest_open or facts.has_notices:
        return None
    return facts.items


def basket_facts(basket_id: int) -> BasketFacts:
    token = cache.get_or_set(token_key(basket_id), new_token, lifetime())
    key = f"shop:basket-facts:{basket_id}:{token}"
    facts = cache.get(key)
    if facts is None:
        facts = read_facts(basket_id)
        cache.set(key, tuple(facts), lifetime())
    return BasketFacts(*facts)


def read_facts(basket_id: int) -> BasketFacts:
    Basket = get_model("basket", "Basket")
    BasketNotice = get_model("basket", "BasketNotice")
    row = (
        Basket.objects.filter(pk=basket_id)
        .annotate(
            items=Coalesce(Sum("lines__quantity"), 0),
            has_notices=Exists(BasketNotice.objects.filter(basket=OuterRef("pk"))),
        )
        .values_list("status", "owner_id", "items", "has_notices")
        .first()
    )
    if row is None:
        return BasketFacts(guest_open=False, items=0, has_notices=False)
    status, owner_id, items, has_notices = row
    guest_open = status == Basket.OPEN and owner_id is None
    return BasketFacts(guest_open, items, has_notices)


def token_key(basket_id: int) -> str:
    return f"shop:basket-facts-token:{basket_id}"


def new_token() -> str:
    # Random, so a token lost from the cache is never given again, and
    # facts stored under an old one are never read.
    return secrets.token_hex(8)


def lifetime() -> int:
    return settings.OSCAR_BASKET_COOKIE_LIFETIME


def forget_basket_facts(basket_id: int | None) -> None:
    """After the change commits: facts stored so far are never read again."""
    if basket_id is not None:
        transaction.on_commit(
            lambda: cache.set(token_key(basket_id), new_token(), lifetime())
        )


def forget_on_change(sender, instance, **kwargs):
    Basket = get_model("basket", "Basket")
    forget_basket_facts(instance.pk if sender is Basket else instance.basket_id)


def connect_signals() -> None:
    for label in ("basket.Basket", "basket.Line", "basket.BasketNotice"):
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                forget_on_change,
                sender=label,
                dispatch_uid=f"basket-facts-{label}-{name}",
            )
