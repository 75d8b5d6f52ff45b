"""How many items a guest's basket holds, for the header of pages the page
cache serves (shop/storefront/page_cache.py), without loading the basket.

Oscar's middleware loads a basket with its lines, products and stock and
applies every offer before a page can say "Basket 2"; the header needs only
the count. The count is kept in the cache per basket under a token that is
replaced whenever the basket, one of its lines or a notice for it is saved
or deleted (once that commits), so a count read before a change can never be
served after it.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

# Stored for a basket whose page must be rendered in full: not open (a
# submitted one, whose cookie Oscar's middleware then drops) or with notices
# waiting to be shown (shop/commerce/basket/middleware.py).
RENDER_IN_FULL = -1


def header_basket_items(request) -> int | None:
    """The number of items in the open guest basket the visitor's cookie
    names, 0 without a cookie, or None if the page must be rendered in full."""
    cookie = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    if cookie is None:
        return 0
    try:
        basket_id = int(signing.Signer().unsign(cookie))
    except (signing.BadSignature, ValueError):
        return None
    token = cache.get_or_set(token_key(basket_id), new_token, lifetime())
    key = f"shop:basket-items:{basket_id}:{token}"
    items = cache.get(key)
    if items is None:
        items = count_items(basket_id)
        cache.set(key, items, lifetime())
    return None if items == RENDER_IN_FULL else items


def count_items(basket_id: int) -> int:
    Basket = get_model("basket", "Basket")
    BasketNotice = get_model("basket", "BasketNotice")
    row = (
        Basket.open.filter(pk=basket_id, owner=None)
        .annotate(
            items=Coalesce(Sum("lines__quantity"), 0),
            has_notices=Exists(BasketNotice.objects.filter(basket=OuterRef("pk"))),
        )
        .values_list("items", "has_notices")
        .first()
    )
    if row is None or row[1]:
        return RENDER_IN_FULL
    return row[0]


def token_key(basket_id: int) -> str:
    return f"shop:basket-items-token:{basket_id}"


def new_token() -> str:
    # Random, so a token lost from the cache is never given again, and a
    # count stored under an old one is never read.
    return secrets.token_hex(8)


def lifetime() -> int:
    return settings.OSCAR_BASKET_COOKIE_LIFETIME


def forget_basket_items(basket_id: int | None) -> None:
    """After the change commits: counts stored so far are never read again."""
    if basket_id is not None:
        transaction.on_commit(
            lambda: cache.set(token_key(basket_id), new_token(), lifetime())
        )


def forget_on_change(sender, instance, **kwargs):
    Basket = get_model("basket", "Basket")
    forget_basket_items(instance.pk if sender is Basket else instance.basket_id)


def connect_signals() -> None:
    for label in ("basket.Basket", "basket.Line", "basket.BasketNotice"):
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                forget_on_change,
                sender=label,
                dispatch_uid=f"basket-items-{label}-{name}",
            )
